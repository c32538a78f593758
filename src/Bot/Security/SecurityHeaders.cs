namespace AsnBot.Security;

/// <summary>
/// Headers every response carries: no MIME sniffing, no framing (clickjacking), no referrer
/// leaking session ids, and a strict content policy for the pages AsnBot serves itself
/// (the dashboard's pages set a same-origin base address, which Blazor's router reads).
/// </summary>
public static class SecurityHeaders
{
    private const string ContentPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            headers.ContentSecurityPolicy = ContentPolicy;
            await next(context);
        });
}
