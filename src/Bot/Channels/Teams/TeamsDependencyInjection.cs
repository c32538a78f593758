using AsnBot.Delivery;
using Microsoft.Extensions.Options;

namespace AsnBot.Channels.Teams;

public static class TeamsDependencyInjection
{
    public static IServiceCollection AddTeams(this IServiceCollection services)
    {
        services.AddOptions<TeamsOptions>().BindConfiguration(TeamsOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TeamsOptions>, TeamsOptionsValidation>();

        // An unknown key id must make the very next validation use fresh keys, not a
        // background refresh that lands after the activity was already refused.
        AppContext.SetSwitch("Switch.Microsoft.IdentityModel.UpdateConfigAsBlocking", true);
        services.AddHttpClient(TeamsChannelAuthenticator.MetadataHttpClient, c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddHttpClient(TeamsAccessTokens.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddHttpClient<TeamsConnector>(c => c.Timeout = TimeSpan.FromSeconds(15));

        services.AddSingleton<TeamsChannelAuthenticator>();
        services.AddSingleton<TeamsAccessTokens>();
        services.AddSingleton<TeamsAccounts>();
        services.AddTransient<TeamsSender>();
        services.AddTransient<IChannelSender>(provider => provider.GetRequiredService<TeamsSender>());
        services.AddTransient<TeamsActivityHandler>();
        services.AddSingleton<TeamsInbox>();
        services.AddHostedService<TeamsInboxWorker>();
        return services;
    }
}

/// <summary>Stops start-up with the sentence that names the wrong key.</summary>
internal sealed class TeamsOptionsValidation : IValidateOptions<TeamsOptions>
{
    public ValidateOptionsResult Validate(string? name, TeamsOptions options) =>
        options.Problem() is { } problem
            ? ValidateOptionsResult.Fail(problem)
            : ValidateOptionsResult.Success;
}
