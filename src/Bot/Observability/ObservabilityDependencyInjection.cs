using OpenTelemetry.Metrics;

namespace AsnBot.Observability;

public static class ObservabilityDependencyInjection
{
    /// <summary>Prometheus metrics at /metrics: AsnBot's meter, ASP.NET Core and the .NET runtime.</summary>
    public static IServiceCollection AddObservability(this IServiceCollection services)
    {
        services.AddSingleton<BotMetrics>();
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(BotMetrics.MeterName)
            .AddAspNetCoreInstrumentation()
            .AddRuntimeInstrumentation()
            // Scrapes are cheap at our size; a cached answer would hide the last seconds from a scraper.
            .AddPrometheusExporter(options => options.ScrapeResponseCacheDurationMilliseconds = 0));
        return services;
    }

    public static IEndpointRouteBuilder MapMetrics(this IEndpointRouteBuilder app)
    {
        app.MapPrometheusScrapingEndpoint("/metrics");
        return app;
    }
}
