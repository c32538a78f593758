using AsnBot.Bot.Tests.Channels.Web;
using AsnBot.Bot.Tests.Support;

namespace AsnBot.Bot.Tests.Observability;

public sealed class LogSecrecyTests
{
    [Fact]
    public async Task A_full_registration_logs_something_but_never_the_NIP()
    {
        var app = new BotApp();
        await RegistrationOverWebChatTests.RegisterAsync(app.Chat());
        await app.DisposeAsync();
        Assert.NotEmpty(app.Logs.Lines);
        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains("198503122010011003", StringComparison.Ordinal));
    }

    [Fact]
    public void The_scanner_catches_a_NIP_or_a_bot_token_in_a_log_line()
    {
        var scanner = new LogScanner();
        scanner.CreateLogger("x").Log(Microsoft.Extensions.Logging.LogLevel.Information, default, "NIP 198503122010011003", null, (s, _) => s);
        Assert.Throws<InvalidOperationException>(() => scanner.AssertNoSecrets([]));
        var tokens = new LogScanner();
        tokens.CreateLogger("x").Log(Microsoft.Extensions.Logging.LogLevel.Warning, default, "calling 123456789:AAEhBOweik9ai2o4Lwxyz_abcdefghijklmno", null, (s, _) => s);
        Assert.Throws<InvalidOperationException>(() => tokens.AssertNoSecrets([]));
    }
}
