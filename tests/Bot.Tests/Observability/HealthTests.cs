using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AsnBot.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace AsnBot.Bot.Tests.Observability;

/// <summary>/healthz tells a load balancer whether this instance can do its work, scheduler included.</summary>
public sealed class HealthTests
{
    [Fact]
    public async Task Healthz_reports_the_scheduler_and_answers_503_while_it_is_in_standby()
    {
        await using var app = new BotApp();
        app.Settings["Scheduler:Enabled"] = "true";
        using var http = app.CreateClient();
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await WaitForStatusAsync(scheduler, SchedulerStatus.Running);

        var (status, body) = await HealthAsync(http);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("running", body.GetProperty("scheduler").GetString());
        Assert.Equal("ok", body.GetProperty("database").GetString());

        await scheduler.Standby();
        (status, body) = await HealthAsync(http);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("standby", body.GetProperty("scheduler").GetString());

        await scheduler.Start();
        Assert.Equal(HttpStatusCode.OK, (await HealthAsync(http)).Status);
    }

    [Fact]
    public async Task Healthz_says_the_scheduler_is_disabled_where_this_process_runs_no_jobs()
    {
        await using var app = new BotApp();
        var (status, body) = await HealthAsync(app.CreateClient());
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("disabled", body.GetProperty("scheduler").GetString());
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> HealthAsync(HttpClient http)
    {
        using var response = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    private static async Task WaitForStatusAsync(IScheduler scheduler, SchedulerStatus expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await scheduler.GetStatus() != expected)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the scheduler never became {expected}");
            await Task.Delay(50);
        }
    }
}
