using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace AsnBot.Channels.Teams;

/// <summary>
/// The bot's own token for the Connector API (OAuth2 client credentials), fetched once and
/// reused until shortly before it expires. Without an app id (local testing) there is none.
/// </summary>
public sealed class TeamsAccessTokens(IHttpClientFactory http, IOptions<TeamsOptions> options, TimeProvider time) : IDisposable
{
    public const string HttpClientName = "teams-token";
    private static readonly TimeSpan RenewBeforeExpiry = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _token;
    private DateTimeOffset _renewAt;

    public async Task<string?> GetAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.HasCredentials)
            return null;
        if (_token is { } cached && time.GetUtcNow() < _renewAt)
            return cached;

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_token is { } fresh && time.GetUtcNow() < _renewAt)
                return fresh;
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = settings.AppId,
                ["client_secret"] = settings.AppPassword,
                ["scope"] = TeamsOptions.ConnectorScope,
            });
            using var response = await http.CreateClient(HttpClientName).PostAsync(settings.TokenEndpointUri, form, cancellationToken);
            if (!response.IsSuccessStatusCode)
                throw new HttpRequestException($"The token endpoint answered {(int)response.StatusCode}.", null, response.StatusCode);
            var body = await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken)
                ?? throw new HttpRequestException("The token endpoint answered without a token.");
            var lifetime = TimeSpan.FromSeconds(Math.Max(body.ExpiresIn, 60));
            // Renew 5 minutes before expiry, or halfway through a short-lived token.
            _renewAt = time.GetUtcNow() + (lifetime > 2 * RenewBeforeExpiry ? lifetime - RenewBeforeExpiry : lifetime / 2);
            _token = body.AccessToken;
            return _token;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The connector refused the token (revoked, rotated secret): fetch a new one next time.</summary>
    public void Forget() => _token = null;

    public void Dispose() => _gate.Dispose();

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);
}
