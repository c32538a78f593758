namespace AsnBot.Channels.Teams;

/// <summary>
/// The Microsoft Teams channel (section <c>Teams</c>). An empty <see cref="AppId"/> turns the
/// channel off, unless <see cref="AllowAnonymousLocal"/> asks for the local-testing mode.
/// </summary>
public sealed class TeamsOptions
{
    public const string Section = "Teams";
    public const string BotFrameworkOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";
    public const string BotFrameworkIssuer = "https://api.botframework.com";
    public const string ConnectorScope = "https://api.botframework.com/.default";
    public const string ChannelId = "msteams";

    public string AppId { get; set; } = "";
    public string AppPassword { get; set; } = "";

    /// <summary>The bot's own Entra tenant (single-tenant bots); picks the token endpoint when that is not set.</summary>
    public string TenantId { get; set; } = "";

    public string OpenIdMetadataUrl { get; set; } = BotFrameworkOpenIdMetadataUrl;

    /// <summary>Empty: the single-tenant endpoint of <see cref="TenantId"/>, or Bot Framework's multi-tenant one.</summary>
    public string TokenEndpoint { get; set; } = "";

    /// <summary>Tenants whose people may use the bot; empty allows every tenant.</summary>
    public IList<string> AllowedTenants { get; } = [];

    /// <summary>
    /// Accept unauthenticated activities from loopback, as the Bot Framework Emulator and the
    /// Microsoft 365 Agents Playground send them. Only allowed while <see cref="AppId"/> is empty.
    /// </summary>
    public bool AllowAnonymousLocal { get; set; }

    public bool IsEnabled => HasCredentials || AllowAnonymousLocal;

    public bool HasCredentials => AppId.Length > 0;

    public Uri TokenEndpointUri => new(TokenEndpoint.Length > 0
        ? TokenEndpoint
        : $"https://login.microsoftonline.com/{(TenantId.Length > 0 ? TenantId : "botframework.com")}/oauth2/v2.0/token");

    public bool IsTenantAllowed(string? tenantId) =>
        AllowedTenants.Count == 0 || (tenantId is not null && AllowedTenants.Contains(tenantId, StringComparer.OrdinalIgnoreCase));

    /// <summary>The first thing wrong with these settings, as a sentence naming the key; null when they are usable.</summary>
    public string? Problem()
    {
        if (AllowAnonymousLocal && HasCredentials)
            return "Teams:AllowAnonymousLocal may only be true while Teams:AppId is empty (it is for local testing without credentials).";
        if (HasCredentials && AppPassword.Length == 0)
            return "Teams:AppPassword is required when Teams:AppId is set.";
        if (!HasCredentials && AppPassword.Length > 0)
            return "Teams:AppId is required when Teams:AppPassword is set.";
        if (!Uri.TryCreate(OpenIdMetadataUrl, UriKind.Absolute, out var metadata) || !IsHttpUrl(metadata))
            return "Teams:OpenIdMetadataUrl must be an absolute http(s) URL.";
        if (TokenEndpoint.Length > 0 && (!Uri.TryCreate(TokenEndpoint, UriKind.Absolute, out var token) || !IsHttpUrl(token)))
            return "Teams:TokenEndpoint must be an absolute http(s) URL.";
        if (TenantId.Length > 0 && TenantId.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '.')))
            return "Teams:TenantId must be a tenant id (a GUID) or a domain name.";
        return null;
    }

    private static bool IsHttpUrl(Uri uri) => uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp;
}
