using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AsnBot.TestPeers.Teams;

/// <summary>
/// The Bot Framework side of a Teams bot, on loopback: the OpenID metadata and signing keys
/// the bot checks inbound tokens against, the token endpoint it gets its own token from, and
/// a connector that records what the bot posts (and can answer with a fault instead).
/// Tokens are signed here with RSA keys made at start, written out by hand (not with the
/// library the bot validates them with).
/// </summary>
public sealed class FakeBotFramework : IAsyncDisposable
{
    public const string Issuer = "https://api.botframework.com";
    public const string TenantId = "5b1c2a1e-0000-4000-8000-00000000a5b0";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ConnectorCall> _calls = new();
    private readonly ConcurrentQueue<(int Status, TimeSpan? RetryAfter)> _faults = new();
    private readonly List<SigningKey> _published = [];
    private readonly Lock _lock = new();
    private int _metadataFetches;
    private int _tokenRequests;

    private FakeBotFramework(WebApplication app)
    {
        _app = app;
        CurrentKey = SigningKey.Create(endorsements: ["msteams"]);
        _published.Add(CurrentKey);
    }

    public Uri BaseUrl { get; private set; } = null!;
    public string OpenIdMetadataUrl => new Uri(BaseUrl, "openid").AbsoluteUri;
    public string TokenEndpoint => new Uri(BaseUrl, "token").AbsoluteUri;
    public string ServiceUrl => new Uri(BaseUrl, "connector/").AbsoluteUri;

    /// <summary>The published key tokens are signed with unless a test picks another.</summary>
    public SigningKey CurrentKey { get; private set; }

    public int MetadataFetches => Volatile.Read(ref _metadataFetches);
    public int TokenRequests => Volatile.Read(ref _tokenRequests);
    public IReadOnlyList<ConnectorCall> Calls => [.. _calls];

    public static async Task<FakeBotFramework> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeBotFramework(app);
        fake.Map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return fake;
    }

    /// <summary>Bot Framework rolls its keys: a new key is published (the old one is dropped) and signs from now on.</summary>
    public SigningKey RotateKey()
    {
        lock (_lock)
        {
            CurrentKey = SigningKey.Create(endorsements: ["msteams"]);
            _published.Clear();
            _published.Add(CurrentKey);
            return CurrentKey;
        }
    }

    /// <summary>Publishes one more key, endorsed for the given channels only, next to the current one.</summary>
    public SigningKey PublishExtraKey(params string[] endorsements)
    {
        var key = SigningKey.Create(endorsements);
        lock (_lock)
            _published.Add(key);
        return key;
    }

    /// <summary>The next connector call answers <paramref name="status"/> (with Retry-After when given).</summary>
    public void FailNext(int status, TimeSpan? retryAfter = null) => _faults.Enqueue((status, retryAfter));

    /// <summary>A token as the Bot Framework channel would send it; every part can be spoiled by a test.</summary>
    public string IssueToken(string audience, string serviceUrl, TokenOptions? options = null)
    {
        options ??= new TokenOptions();
        var key = options.Key ?? CurrentKey;
        var now = DateTimeOffset.UtcNow;
        var header = new JsonObject { ["alg"] = "RS256", ["typ"] = "JWT", ["kid"] = options.KeyId ?? key.KeyId };
        var payload = new JsonObject
        {
            ["iss"] = options.Issuer ?? Issuer,
            ["aud"] = audience,
            ["serviceurl"] = serviceUrl,
            ["nbf"] = (options.NotBefore ?? now.AddMinutes(-1)).ToUnixTimeSeconds(),
            ["exp"] = (options.Expires ?? now.AddMinutes(60)).ToUnixTimeSeconds(),
        };
        var unsigned = Base64Url(Encoding.UTF8.GetBytes(header.ToJsonString())) + "." + Base64Url(Encoding.UTF8.GetBytes(payload.ToJsonString()));
        var signature = key.Rsa.SignData(Encoding.ASCII.GetBytes(unsigned), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return unsigned + "." + Base64Url(signature);
    }

    /// <summary>Waits until the connector has recorded <paramref name="count"/> activities for the conversation.</summary>
    public Task<IReadOnlyList<ConnectorCall>> WaitForActivitiesAsync(string conversationId, int count, TimeSpan? timeout = null) =>
        WaitForActivitiesAsync(conversationId, calls => calls.Count >= count, timeout);

    /// <summary>Waits until the activities recorded for the conversation satisfy <paramref name="condition"/>.</summary>
    public async Task<IReadOnlyList<ConnectorCall>> WaitForActivitiesAsync(string conversationId, Func<IReadOnlyList<ConnectorCall>, bool> condition, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var calls = ActivitiesTo(conversationId);
            if (condition(calls))
                return calls;
            if (cancel.IsCancellationRequested)
                throw new TimeoutException($"Conversation {conversationId} never got the expected activities; it got: {string.Join(" | ", calls.Select(c => c.Text))}");
            await Task.Delay(10, CancellationToken.None);
        }
    }

    public IReadOnlyList<ConnectorCall> ActivitiesTo(string conversationId) =>
        [.. _calls.Where(c => c.ConversationId == conversationId && c.Status < 300)];

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        lock (_lock)
        {
            foreach (var key in _published)
                key.Rsa.Dispose();
        }
    }

    private void Map(WebApplication app)
    {
        app.MapGet("/openid", () =>
        {
            Interlocked.Increment(ref _metadataFetches);
            return Results.Json(new JsonObject
            {
                ["issuer"] = Issuer,
                ["authorization_endpoint"] = new Uri(BaseUrl, "authorize").AbsoluteUri,
                ["jwks_uri"] = new Uri(BaseUrl, "keys").AbsoluteUri,
                ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
                ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
            });
        });
        app.MapGet("/keys", () =>
        {
            lock (_lock)
                return Results.Json(new JsonObject { ["keys"] = new JsonArray([.. _published.Select(k => (JsonNode)k.ToJwk())]) });
        });
        app.MapPost("/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            var count = Interlocked.Increment(ref _tokenRequests);
            if (form["grant_type"] != "client_credentials" || form["scope"] != "https://api.botframework.com/.default" || string.IsNullOrEmpty(form["client_secret"]))
                return Results.BadRequest(new { error = "invalid_request" });
            return Results.Json(new { token_type = "Bearer", expires_in = 3600, access_token = $"connector-token-{count}-for-{form["client_id"]}" });
        });
        app.MapPost("/connector/v3/conversations/{conversationId}/activities/{replyToId?}", async (string conversationId, string? replyToId, HttpRequest request, HttpResponse response) =>
        {
            var body = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body);
            var status = 200;
            if (_faults.TryDequeue(out var fault))
            {
                status = fault.Status;
                if (fault.RetryAfter is { } wait)
                    response.Headers.RetryAfter = ((int)wait.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            _calls.Enqueue(new ConnectorCall(conversationId, replyToId, request.Headers.Authorization.ToString(), body, status));
            return status == 200 ? Results.Json(new { id = Guid.NewGuid().ToString("N") }) : Results.StatusCode(status);
        });
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public sealed record TokenOptions
    {
        public SigningKey? Key { get; init; }
        public string? KeyId { get; init; }
        public string? Issuer { get; init; }
        public DateTimeOffset? NotBefore { get; init; }
        public DateTimeOffset? Expires { get; init; }
    }

    public sealed class SigningKey
    {
        private SigningKey(RSA rsa, string keyId, string[] endorsements) => (Rsa, KeyId, Endorsements) = (rsa, keyId, endorsements);

        public RSA Rsa { get; }
        public string KeyId { get; }
        public IReadOnlyList<string> Endorsements { get; }

        /// <summary>A key of the test's own, published nowhere unless the fake publishes it.</summary>
        public static SigningKey Create(params string[] endorsements) => new(RSA.Create(2048), Guid.NewGuid().ToString("N"), endorsements);

        public JsonObject ToJwk()
        {
            var parameters = Rsa.ExportParameters(includePrivateParameters: false);
            return new JsonObject
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["kid"] = KeyId,
                ["n"] = Base64Url(parameters.Modulus!),
                ["e"] = Base64Url(parameters.Exponent!),
                ["endorsements"] = new JsonArray([.. Endorsements.Select(e => (JsonNode)e)]),
            };
        }
    }
}

/// <summary>One activity the bot posted to the connector, and what the connector answered.</summary>
public sealed record ConnectorCall(string ConversationId, string? ReplyToId, string Authorization, JsonElement Activity, int Status)
{
    public string Text => Activity.TryGetProperty("text", out var text) ? text.GetString() ?? "" : "";

    /// <summary>The option values of the Adaptive Card's Action.Submit buttons, in order.</summary>
    public IReadOnlyList<string> SubmitChoices =>
        [.. AdaptiveCards.SelectMany(card => Submits(card)).Select(data => data.GetProperty("choice").GetString()!)];

    public IEnumerable<JsonElement> AdaptiveCards =>
        Activity.TryGetProperty("attachments", out var attachments)
            ? attachments.EnumerateArray().Where(a => a.GetProperty("contentType").GetString() == "application/vnd.microsoft.card.adaptive").Select(a => a.GetProperty("content"))
            : [];

    private static IEnumerable<JsonElement> Submits(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            if (element.TryGetProperty("type", out var type) && type.GetString() == "Action.Submit" && element.TryGetProperty("data", out var data))
                yield return data;
            foreach (var property in element.EnumerateObject())
                foreach (var found in Submits(property.Value))
                    yield return found;
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
                foreach (var found in Submits(item))
                    yield return found;
        }
    }
}
