using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace AsnBot.Channels.Teams;

/// <summary>
/// Checks the bearer token the Bot Framework puts on every activity, as its channel
/// authentication spec requires: signed by a key from the OpenID metadata that is endorsed
/// for the activity's channel, issued by Bot Framework, for this bot, within its lifetime
/// (5 minutes of clock skew), and bound to the activity's serviceUrl.
/// </summary>
public sealed class TeamsChannelAuthenticator
{
    public const string MetadataHttpClient = "teams-openid-metadata";
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private readonly TeamsOptions _options;
    private readonly TimeProvider _time;
    private readonly JsonWebTokenHandler _tokens = new() { MapInboundClaims = false };
    private readonly ConfigurationManager<OpenIdConnectConfiguration> _metadata;

    public TeamsChannelAuthenticator(IOptions<TeamsOptions> options, IHttpClientFactory http, TimeProvider time)
    {
        _options = options.Value;
        _time = time;
        var metadataUrl = new Uri(_options.OpenIdMetadataUrl);
        // Keys are cached for the library's default 12 hours; an unknown key id asks for a refresh
        // (at most once per 5 minutes), which is how Bot Framework's key rotation is picked up.
        _metadata = new ConfigurationManager<OpenIdConnectConfiguration>(
            metadataUrl.AbsoluteUri,
            new OpenIdConnectConfigurationRetriever(),
            new HttpDocumentRetriever(http.CreateClient(MetadataHttpClient)) { RequireHttps = !metadataUrl.IsLoopback });
    }

    /// <summary>Null when the activity may be processed, else why not (for the log, never for the caller).</summary>
    public async Task<string?> FindProblemAsync(string? authorization, Activity activity, CancellationToken cancellationToken)
    {
        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return "no bearer token";
        var token = authorization["Bearer ".Length..].Trim();

        var configuration = await _metadata.GetConfigurationAsync(cancellationToken);
        var result = await ValidateAsync(token, configuration);
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            _metadata.RequestRefresh();
            configuration = await _metadata.GetConfigurationAsync(cancellationToken);
            result = await ValidateAsync(token, configuration);
        }
        if (!result.IsValid)
            return result.Exception?.GetType().Name ?? "invalid token";

        var signedBy = (result.SecurityToken as JsonWebToken)?.Kid;
        if (activity.ChannelId != TeamsOptions.ChannelId || !IsEndorsed(configuration, signedBy, activity.ChannelId))
            return "signing key not endorsed for the activity's channel";
        if (!result.Claims.TryGetValue("serviceurl", out var claimed) || !SameServiceUrl(claimed as string, activity.ServiceUrl))
            return "serviceurl claim does not match the activity";
        return null;
    }

    private Task<TokenValidationResult> ValidateAsync(string token, OpenIdConnectConfiguration configuration) =>
        _tokens.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = TeamsOptions.BotFrameworkIssuer,
            ValidAudience = _options.AppId,
            IssuerSigningKeys = configuration.SigningKeys,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ClockSkew = ClockSkew,
            LifetimeValidator = IsWithinLifetime,
        });

    /// <summary>The lifetime rule on the injected clock, so it is the same clock the rest of the bot uses.</summary>
    private bool IsWithinLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        return expires is { } exp && now <= exp.ToUniversalTime() + ClockSkew
            && (notBefore is not { } nbf || now >= nbf.ToUniversalTime() - ClockSkew);
    }

    /// <summary>Bot Framework lists, per key, the channels it may sign for ("endorsements").</summary>
    private static bool IsEndorsed(OpenIdConnectConfiguration configuration, string? keyId, string? channelId)
    {
        var key = configuration.JsonWebKeySet?.Keys.FirstOrDefault(k => k.Kid == keyId);
        if (key is null || channelId is null || !key.AdditionalData.TryGetValue("endorsements", out var endorsements))
            return false;
        return endorsements switch
        {
            JsonElement { ValueKind: JsonValueKind.Array } array => array.EnumerateArray().Any(e => e.ValueKind == JsonValueKind.String && e.GetString() == channelId),
            IEnumerable<object> list => list.Any(e => e?.ToString() == channelId),
            _ => false,
        };
    }

    private static bool SameServiceUrl(string? claimed, string? activity) =>
        claimed is { Length: > 0 } && activity is { Length: > 0 }
        && string.Equals(claimed.TrimEnd('/'), activity.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
}
