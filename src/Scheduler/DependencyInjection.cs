using Microsoft.Extensions.Hosting;

namespace AsnBot.Scheduler;

public static class DependencyInjection
{
    /// <summary>Scheduled work (reminders, lessons, questionnaires) registers here.</summary>
    public static IHostApplicationBuilder AddScheduler(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder;
    }
}
