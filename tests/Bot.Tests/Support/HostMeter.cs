using System.Diagnostics.Metrics;
using AsnBot.Observability;
using Microsoft.Extensions.DependencyInjection;

namespace AsnBot.Bot.Tests.Support;

/// <summary>
/// Listens to one test host's own meter. Every host in the test process names its meter the
/// same, and test classes run in parallel, so a listener that matched by name would also count
/// another host's turns.
/// </summary>
public static class HostMeter
{
    public static MeterListener Listen<T>(IServiceProvider services, Func<string, bool> instrument, MeasurementCallback<T> measured)
        where T : struct
    {
        var meter = services.GetRequiredService<BotMetrics>().Meter;
        var listener = new MeterListener
        {
            InstrumentPublished = (published, l) =>
            {
                if (ReferenceEquals(published.Meter, meter) && instrument(published.Name))
                    l.EnableMeasurementEvents(published);
            },
        };
        listener.SetMeasurementEventCallback(measured);
        listener.Start();
        return listener;
    }
}
