using System.Globalization;
using AsnBot.EndToEnd.Tests.ScaleOut;

namespace AsnBot.Bench.TelegramWebhook;

/// <summary>
/// The bot process's own running totals, as its /metrics shows them to an operator (the runtime's
/// System.Runtime meter): CPU time, bytes allocated, first-generation collections, compilations;
/// and AsnBot's own: the time SQLite's one writer was held, and waited for.
/// Two readings subtracted give what a window cost the bot alone.
/// </summary>
internal readonly record struct BotFigures(
    double CpuSeconds, double AllocatedBytes, long Gen0Collections, double JitSeconds, long JitMethods,
    double WriterHeldSeconds, double WriterHeldByActionsSeconds, double WriterWaitedSeconds)
{
    public static async Task<BotFigures> ReadAsync(BotInstance bot)
    {
        var text = await bot.Http.GetStringAsync(new Uri("metrics", UriKind.Relative));
        double cpu = 0, allocated = 0, gen0 = 0, jitSeconds = 0, jitMethods = 0, held = 0, heldByActions = 0, waited = 0;
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith('#') || line.LastIndexOf(' ') is not (> 0 and var space))
                continue;
            var name = line[..(line.IndexOf('{') is >= 0 and var brace ? brace : space)];
            var value = double.Parse(line[(space + 1)..], CultureInfo.InvariantCulture);
            switch (name)
            {
                case "dotnet_process_cpu_time_seconds_total": cpu += value; break;
                case "dotnet_gc_heap_total_allocated_bytes_total": allocated += value; break;
                case "dotnet_gc_collections_total" when line.Contains("\"gen0\"", StringComparison.Ordinal): gen0 += value; break;
                case "dotnet_jit_compilation_time_seconds_total": jitSeconds += value; break;
                case "dotnet_jit_compiled_methods_total": jitMethods += value; break;
                case "asnbot_database_writer_held_seconds_total":
                    held += value;
                    if (line.Contains("\"actions\"", StringComparison.Ordinal))
                        heldByActions += value;
                    break;
                case "asnbot_database_writer_waited_seconds_total": waited += value; break;
            }
        }
        return new BotFigures(cpu, allocated, (long)gen0, jitSeconds, (long)jitMethods, held, heldByActions, waited);
    }

    public static BotFigures operator -(BotFigures after, BotFigures before) => new(
        after.CpuSeconds - before.CpuSeconds,
        after.AllocatedBytes - before.AllocatedBytes,
        after.Gen0Collections - before.Gen0Collections,
        after.JitSeconds - before.JitSeconds,
        after.JitMethods - before.JitMethods,
        after.WriterHeldSeconds - before.WriterHeldSeconds,
        after.WriterHeldByActionsSeconds - before.WriterHeldByActionsSeconds,
        after.WriterWaitedSeconds - before.WriterWaitedSeconds);
}
