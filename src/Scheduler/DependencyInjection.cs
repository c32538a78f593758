using AsnBot.Knowledge.Outbox;
using AsnBot.Knowledge.Persistence;
using AsnBot.Scheduler.Broadcasts;
using AsnBot.Scheduler.DueWork;
using AsnBot.Scheduler.Reminders;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Quartz;

namespace AsnBot.Scheduler;

public static class DependencyInjection
{
    /// <summary>
    /// Quartz with its job store in the bot's own SQLite database (tables QRTZ_*, created when
    /// missing), the broadcast job and the due-work job. Jobs only write outbox rows.
    /// </summary>
    public static IHostApplicationBuilder AddScheduler(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<SchedulerOptions>().BindConfiguration(SchedulerOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SchedulerOptions>, SchedulerOptionsValidation>();
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<SchedulerOptions>>().Value.Window());
        services.AddSingleton<BroadcastTrigger>();
        services.AddSingleton<IDueWork, SessionReminders>();

        builder.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(scheduler => scheduler.InstanceName = "asnbot");
            quartz.UsePersistentStore(store =>
            {
                store.UseSqlite(source => source.ConnectionStringName = Knowledge.DependencyInjection.ConnectionStringName);
                store.ProvisionSchema();
            });
            quartz.AddJob<BroadcastJob>(job => job.WithIdentity(BroadcastJob.Key).StoreDurably());
            quartz.AddJob<DueWorkJob>(job => job.WithIdentity(DueWorkJob.Key).StoreDurably());
            quartz.AddTrigger((provider, trigger) => trigger
                .WithIdentity(DueWorkJob.TriggerKey)
                .ForJob(DueWorkJob.Key)
                .StartNow()
                .WithSimpleSchedule(schedule => schedule
                    .WithInterval(provider.GetRequiredService<IOptions<SchedulerOptions>>().Value.DueWorkInterval)
                    .RepeatForever()));
        });
        // The job store lives in the bot's own database, whichever provider it is; the provider is
        // only known once configuration is complete, so the SQLite defaults above are switched here.
        services.AddOptions<QuartzOptions>().PostConfigure<IOptions<DatabaseOptions>>((quartz, database) =>
        {
            if (database.Value.Provider != DatabaseProvider.Postgres)
                return;
            foreach (var key in quartz.Properties.Keys.Where(k => k.StartsWith("quartz.dataSource.", StringComparison.Ordinal) && k.EndsWith(".provider", StringComparison.Ordinal)).ToList())
                quartz.Properties[key] = "Npgsql";
            quartz.Properties["quartz.jobStore.driverDelegateType"] = "Quartz.Impl.AdoJobStore.PostgreSQLDelegate, Quartz";
        });
        builder.AddQuartzHostedService(hosted => hosted.WaitForJobsToComplete = true);
        services.AddOptions<QuartzHostedServiceOptions>()
            .Configure<IOptions<SchedulerOptions>>((hosted, scheduler) => hosted.AutoStart = scheduler.Value.Enabled);
        return builder;
    }

    private sealed class SchedulerOptionsValidation : IValidateOptions<SchedulerOptions>
    {
        public ValidateOptionsResult Validate(string? name, SchedulerOptions options) =>
            options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }
}
