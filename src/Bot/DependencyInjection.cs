using AsnBot.Channels.Teams;
using AsnBot.Conversations;

namespace AsnBot;

public static class DependencyInjection
{
    public static IHostApplicationBuilder AddBot(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddConversations();
        builder.Services.AddTeams();
        builder.Services.AddProblemDetails();
        return builder;
    }
}
