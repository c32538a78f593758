using Microsoft.AspNetCore.Http.Features;

namespace AsnBot.Security;

/// <summary>
/// A ceiling on every body posted to <c>/api/</c>: a declared length above it gets 413 before
/// anything is read, and a chunked body is cut off at it. Each channel endpoint lowers it to
/// what its platform can send (web chat 16 KB, Teams 256 KB, Telegram 1 MB). File uploads
/// (a certificate photo or PDF, an attendance list) get a higher ceiling; their endpoints
/// check their own, smaller limits and say so in Indonesian.
/// </summary>
public static class RequestBodyLimit
{
    public const long MaxBytes = 1024 * 1024;
    public const long MaxUploadBytes = 8 * 1024 * 1024;

    private static long CeilingFor(PathString path) =>
        path.Value is { } value && (value.EndsWith("/uploads", StringComparison.OrdinalIgnoreCase) || value.EndsWith("/import", StringComparison.OrdinalIgnoreCase))
            ? MaxUploadBytes
            : MaxBytes;

    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
            {
                var ceiling = CeilingFor(context.Request.Path);
                if (context.Request.ContentLength > ceiling)
                {
                    context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                    return;
                }
                if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
                    limit.MaxRequestBodySize = ceiling;
            }
            await next(context);
        });
}
