using AsnBot.Conversations;
using AsnBot.Delivery;

namespace AsnBot;

public static class DependencyInjection
{
    public static IHostApplicationBuilder AddBot(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddConversations();
        builder.AddOutbox();
        builder.Services.AddProblemDetails();
        return builder;
    }
}
