using AsnBot.Conversations;
using AsnBot.Observability;

namespace AsnBot;

public static class DependencyInjection
{
    public static IHostApplicationBuilder AddBot(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddObservability();
        builder.Services.AddConversations();
        builder.Services.AddProblemDetails();
        return builder;
    }
}
