using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace AsnBot.Bench.PostgresInbound;

/// <summary>
/// The load balancer in front of the instances: each person's successive updates go to the
/// next instance in turn (first update of person n to instance n mod count), so every person's
/// conversation moves between processes at every step, as in the scale-out tests.
/// </summary>
internal sealed class AlternatingInstances(IReadOnlyList<Uri> instances) : DelegatingHandler
{
    private readonly ConcurrentDictionary<long, int> _updatesByPerson = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (instances.Count > 1 && request.Content is { } content && request.RequestUri is { } uri)
        {
            var person = PersonOf(JsonNode.Parse(await content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)));
            var turn = _updatesByPerson.AddOrUpdate(person, _ => (int)(person % instances.Count), (_, last) => last + 1);
            request.RequestUri = new Uri(instances[turn % instances.Count], uri.PathAndQuery);
        }
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private static long PersonOf(JsonNode? update) =>
        (update?["message"]?["from"]?["id"] ?? update?["callback_query"]?["from"]?["id"])?.GetValue<long>()
        ?? throw new InvalidOperationException("A webhook update without a sender.");
}
