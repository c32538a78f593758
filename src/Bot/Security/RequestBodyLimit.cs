using Microsoft.AspNetCore.Http.Features;

namespace AsnBot.Security;

/// <summary>
/// A ceiling on every body posted to <c>/api/</c>: a declared length above it gets 413 before
/// anything is read, and a chunked body is cut off at it. Each channel endpoint lowers it to
/// what its platform can send (web chat 16 KB, Teams 256 KB, Telegram 1 MB).
/// </summary>
public static class RequestBodyLimit
{
    public const long MaxBytes = 1024 * 1024;

    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
            {
                if (context.Request.ContentLength > MaxBytes)
                {
                    context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                    return;
                }
                if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
                    limit.MaxRequestBodySize = MaxBytes;
            }
            await next(context);
        });
}
