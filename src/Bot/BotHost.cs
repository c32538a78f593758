using AsnBot.Questions;
using AsnBot.Channels.Telegram;
using AsnBot.Broadcasts;
using AsnBot.Channels.Teams;
using AsnBot.Channels.Web;
using AsnBot.Dashboard;
using AsnBot.Evaluation;
using AsnBot.Health;
using AsnBot.Knowledge;
using AsnBot.Mentoring;
using AsnBot.Learning;
using AsnBot.Observability;
using AsnBot.Security;
using AsnBot.Recommendations;
using AsnBot.Scheduler;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace AsnBot;

/// <summary>The web host: what <c>dotnet run --project src/Bot</c> starts.</summary>
public static class BotHost
{
    public static WebApplication Build(string[] args)
    {
        // Named after this assembly even when a test process hosts it, so the dashboard's static files are found.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ApplicationName = typeof(BotHost).Assembly.GetName().Name });
        // The dashboard's styles and scripts (MudBlazor's among them) from the build output, in every environment.
        builder.WebHost.UseStaticWebAssets();
        builder.Configuration.AddEmbeddedDefaults();
        builder.AddKnowledge();
        builder.AddScheduler();
        builder.AddBot();
        builder.Services.AddHostedService<StartupChecks>();

        var app = builder.Build();
        app.UseSecurityHeaders();
        app.UseRequestBodyLimit();
        // Routing here, after the headers and the body ceiling that every response and body
        // gets, and before the dashboard's pipeline, so that short-circuited endpoints (the
        // Telegram webhook) skip that pipeline.
        app.UseRouting();
        app.MapDashboard();
        app.MapHealth();
        app.MapMetrics();
        app.MapWebChat();
        app.MapRecommendations();
        app.MapQuestions();
        app.MapTelegram();
        app.MapBroadcasts();
        app.MapTeams();
        app.MapEvaluations();
        app.MapMentoring();
        app.MapLearning();
        return app;
    }

    /// <summary>
    /// The settings shipped next to the program, read first so that the working directory's
    /// appsettings.json, environment variables and arguments override them.
    /// </summary>
    public static IConfigurationBuilder AddEmbeddedDefaults(this IConfigurationBuilder configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration is IConfigurationManager manager)
        {
            manager.Sources.Insert(0, new JsonConfigurationSource
            {
                Path = "appsettings.json",
                Optional = true,
                FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory),
            });
        }
        return configuration;
    }
}
