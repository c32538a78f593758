using AsnBot.Channels.Telegram;
using AsnBot.Conversations;

namespace AsnBot;

public static class DependencyInjection
{
    public static IHostApplicationBuilder AddBot(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddConversations();
        builder.AddTelegram();
        builder.Services.AddProblemDetails();
        return builder;
    }
}
