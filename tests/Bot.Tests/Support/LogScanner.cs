using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace AsnBot.Bot.Tests.Support;

/// <summary>
/// Captures every log line a test host writes, so that each test can prove no NIP, token,
/// password or key reached the logs (checked when the host is disposed).
/// </summary>
public sealed partial class LogScanner : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines;

    public ILogger CreateLogger(string categoryName) => new Capture(this, categoryName);

    public void Dispose()
    {
    }

    // An 18-digit run is a NIP; digits:secret is a Telegram bot token.
    [GeneratedRegex(@"(?<!\d)\d{18}(?!\d)|\d{6,}:[A-Za-z0-9_-]{30,}")]
    private static partial Regex SecretShapes();

    /// <summary>Throws with the first offending line when a log line holds a secret.</summary>
    public void AssertNoSecrets(IEnumerable<string> knownSecrets)
    {
        var secrets = knownSecrets.Where(s => s.Length >= 6).ToList();
        foreach (var line in _lines)
        {
            if (SecretShapes().IsMatch(line) || secrets.Any(s => line.Contains(s, StringComparison.Ordinal)))
                throw new InvalidOperationException("A log line holds personal data or a secret: " + line);
        }
    }

    private sealed class Capture(LogScanner scanner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
                scanner._lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
        }
    }
}
