using AsnBot.Knowledge.Mentoring;
using AsnBot.Knowledge.Outbox;
using AsnBot.Knowledge.Persistence;
using AsnBot.Scheduler.Broadcasts;
using AsnBot.Scheduler.DueWork;
using AsnBot.Scheduler.Evaluation;
using AsnBot.Scheduler.Mentoring;
using AsnBot.Scheduler.Learning;
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
    /// Quartz with its job store in the bot's own database (tables QRTZ_*, created when missing),
    /// clustered on PostgreSQL; the broadcast job and the due-work job. Jobs only write outbox rows.
    /// </summary>
    public static IHostApplicationBuilder AddScheduler(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<SchedulerOptions>().BindConfiguration(SchedulerOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SchedulerOptions>, SchedulerOptionsValidation>();
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<SchedulerOptions>>().Value.Window());
        services.AddSingleton<BroadcastTrigger>();
        services.AddSingleton<ITrainingCalendar, CatalogTrainingCalendar>();
        services.AddSingleton<IDueWork, SessionReminders>();
        services.AddEvaluationAndMentoring();
        services.AddSingleton<IDueWork, EvaluationDueWork>();
        services.AddSingleton<IDueWork, MentoringDueWork>();
        services.AddSingleton<IDueWork, DailyLessons>();
        services.AddSingleton<IDueWork, LearningHoursReminders>();

        var isPostgres = IsPostgres(builder.Configuration);
        builder.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(scheduler =>
            {
                scheduler.InstanceName = "asnbot";
                // instanceId AUTO: each clustered instance names itself (host name and start time).
                scheduler.GenerateInstanceId = isPostgres;
            });
            quartz.UsePersistentStore(store =>
            {
                // The job store lives in the bot's own database, whichever provider it is.
                if (isPostgres)
                {
                    store.UsePostgres(source => source.ConnectionStringName = Knowledge.DependencyInjection.ConnectionStringName);
                    // Several instances share one PostgreSQL: Quartz's own clustering (row locks,
                    // check-ins, an AUTO instance id each) fires every trigger on exactly one of them
                    // and takes over a dead one's work.
                    store.UseClustering(cluster =>
                    {
                        cluster.CheckinInterval = TimeSpan.FromSeconds(10);
                        cluster.CheckinMisfireThreshold = TimeSpan.FromSeconds(20);
                    });
                }
                else
                {
                    store.UseSqlite(source => source.ConnectionStringName = Knowledge.DependencyInjection.ConnectionStringName);
                }
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
        builder.AddQuartzHostedService(hosted => hosted.WaitForJobsToComplete = true);
        services.AddOptions<QuartzHostedServiceOptions>()
            .Configure<IOptions<SchedulerOptions>>((hosted, scheduler) => hosted.AutoStart = scheduler.Value.Enabled);
        return builder;
    }

    private static bool IsPostgres(IConfiguration configuration) =>
        Enum.TryParse<DatabaseProvider>(configuration[$"{DatabaseOptions.Section}:{nameof(DatabaseOptions.Provider)}"], ignoreCase: true, out var provider)
        && provider == DatabaseProvider.Postgres;

    private sealed class SchedulerOptionsValidation : IValidateOptions<SchedulerOptions>
    {
        public ValidateOptionsResult Validate(string? name, SchedulerOptions options) =>
            options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }
}
