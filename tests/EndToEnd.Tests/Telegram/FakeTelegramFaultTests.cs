using AsnBot.TestPeers.Telegram;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace AsnBot.EndToEnd.Tests.Telegram;

/// <summary>Injected faults reach the real client exactly as Telegram's own errors would.</summary>
[Trait("Category", "EndToEnd")]
public sealed class FakeTelegramFaultTests : FakeTelegramTestBase
{
    [Fact]
    public async Task Too_many_requests_surfaces_as_api_exception_with_retry_after()
    {
        var user = Server.CreateUser();
        Server.FailNext("sendMessage", 429, retryAfter: 2);

        var refused = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SendMessage(user.ChatId, "halo"));
        await Bot.SendMessage(user.ChatId, "halo lagi");

        Assert.Equal(429, refused.ErrorCode);
        Assert.Equal(2, refused.Parameters!.RetryAfter);
        Assert.Equal("Too Many Requests: retry after 2", refused.Message);
        Assert.Equal([429, 200], Server.Calls("sendMessage").Select(call => call.StatusCode));
        Assert.Equal("halo lagi", Assert.Single(Server.BotMessages(user.ChatId)).Text);
    }

    [Fact]
    public async Task Client_with_automatic_retry_recovers_from_a_short_429()
    {
        using var http = new HttpClient();
        var patientBot = new TelegramBotClient(new TelegramBotClientOptions(Server.Token, baseUrl: Server.BaseUrl.ToString()), http);
        Server.FailNext("getMe", 429, retryAfter: 1);

        await patientBot.GetMe();

        Assert.Equal([429, 200], Server.Calls("getMe").Select(call => call.StatusCode));
    }

    [Fact]
    public async Task Blocked_chat_surfaces_as_forbidden_while_other_chats_still_work()
    {
        var blocker = Server.CreateUser("Andi");
        var other = Server.CreateUser("Rina");
        Server.BlockChat(blocker.ChatId);

        var forbidden = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SendMessage(blocker.ChatId, "pengingat"));
        await Bot.SendMessage(other.ChatId, "pengingat");

        Assert.Equal(403, forbidden.ErrorCode);
        Assert.Equal("Forbidden: bot was blocked by the user", forbidden.Message);
        Assert.Empty(Server.BotMessages(blocker.ChatId));
    }

    [Fact]
    public async Task Server_error_surfaces_as_error_code_500()
    {
        Server.FailNext("getMe", 500);

        var failure = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.GetMe());

        Assert.Equal(500, failure.ErrorCode);
        Assert.Equal("Internal Server Error", failure.Message);
    }

    [Fact]
    public async Task Slow_response_is_answered_after_the_delay()
    {
        var delay = TimeSpan.FromMilliseconds(300);
        Server.DelayResponses("getMe", delay, times: 1);

        await Bot.GetMe();
        await Bot.GetMe();

        var calls = Server.Calls("getMe");
        // A timer may fire a clock tick before the stopwatch that times the call says it is due.
        Assert.True(calls[0].Duration >= delay - TimeSpan.FromMilliseconds(16), $"first call took {calls[0].Duration}");
        Assert.True(calls[1].Duration < delay, $"second call took {calls[1].Duration}");
    }

    [Fact]
    public async Task Hung_request_ends_in_the_client_timeout_and_is_recorded_without_status()
    {
        using var impatientHttp = new HttpClient { Timeout = TimeSpan.FromMilliseconds(500) };
        var impatientBot = CreateBot(impatientHttp);
        Server.HangNext("getMe");

        await Assert.ThrowsAnyAsync<RequestException>(() => impatientBot.GetMe());
        var calls = await Server.WaitForCallsAsync("getMe", 1, Patience);

        Assert.Equal(CallRecord.NoResponse, Assert.Single(calls).StatusCode);
    }

    [Fact]
    public async Task Random_faults_with_the_same_seed_fail_the_same_calls()
    {
        var mix = new RandomFaultMix(TooManyRequests: 1, ServerError: 1, Timeout: 0);

        var firstRun = await StatusesUnderRandomFaultsAsync(seed: 7, mix);
        var secondRun = await StatusesUnderRandomFaultsAsync(seed: 7, mix);

        Assert.Equal(firstRun, secondRun);
        Assert.Contains(200, firstRun);
        Assert.Contains(429, firstRun);
        Assert.Contains(500, firstRun);
    }

    [Fact]
    public async Task Removed_rule_stops_failing_calls()
    {
        var rule = Server.FailAlways("getMe", 502);
        await Assert.ThrowsAsync<ApiRequestException>(() => Bot.GetMe());

        rule.Remove();
        await Bot.GetMe();

        Assert.Equal(1, rule.TimesApplied);
        Assert.False(rule.IsActive);
    }

    private async Task<List<int>> StatusesUnderRandomFaultsAsync(int seed, RandomFaultMix mix)
    {
        Server.ClearFaults();
        Server.FailRandomly(0.5, seed, mix, method: "getMe");
        var statuses = new List<int>();
        for (var call = 0; call < 20; call++)
        {
            try
            {
                await Bot.GetMe();
                statuses.Add(200);
            }
            catch (ApiRequestException failure)
            {
                statuses.Add(failure.ErrorCode);
            }
        }

        return statuses;
    }
}
