using System.Threading.Channels;

namespace AsnBot.Channels.Teams;

/// <summary>
/// Activities accepted by the endpoint, waiting to be handled. The endpoint answers at once
/// (the Bot Framework wants a quick 2xx) and the replies go out through the connector. Each
/// conversation always lands in the same lane, so its activities are handled in order, while
/// different conversations proceed in parallel.
/// </summary>
public sealed class TeamsInbox
{
    public const int Lanes = 4;
    private const int CapacityPerLane = 1_000;

    private readonly Channel<Activity>[] _lanes = [.. Enumerable.Range(0, Lanes).Select(_ =>
        Channel.CreateBounded<Activity>(new BoundedChannelOptions(CapacityPerLane) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait }))];

    /// <summary>False when the lane is full: the caller answers 503 and the Bot Framework retries.</summary>
    public bool TryAccept(Activity activity) => _lanes[LaneOf(activity.Conversation?.Id)].Writer.TryWrite(activity);

    public ChannelReader<Activity> Lane(int lane) => _lanes[lane].Reader;

    public void Complete()
    {
        foreach (var lane in _lanes)
            lane.Writer.TryComplete();
    }

    private static int LaneOf(string? conversationId) =>
        (int)((uint)StringComparer.Ordinal.GetHashCode(conversationId ?? "") % Lanes);
}

/// <summary>Runs the inbox lanes; an activity that fails is logged and never stops its lane.</summary>
public sealed partial class TeamsInboxWorker(TeamsInbox inbox, IServiceScopeFactory scopes, ILogger<TeamsInboxWorker> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, TeamsInbox.Lanes).Select(lane => RunLaneAsync(inbox.Lane(lane), stoppingToken)));

    private async Task RunLaneAsync(ChannelReader<Activity> lane, CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var activity in lane.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<TeamsActivityHandler>().HandleAsync(activity, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    LogFailed(logger, e, activity.Type);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: activities still queued are dropped, as the Bot Framework does not redeliver them either.
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Teams {ActivityType} activity failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string? activityType);
}
