using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace AsnBot.Dashboard.Access;

/// <summary>
/// The dashboard and the coordinators' APIs are served over HTTPS only, so their cookies always
/// carry the Secure flag; plain HTTP is accepted from the machine itself (a developer, the tests,
/// a TLS proxy on the same host that does not forward the scheme). Behind a proxy, its
/// X-Forwarded-Proto tells the scheme.
/// </summary>
public static class HttpsGate
{
    public static IApplicationBuilder UseDashboardHttpsGate(this IApplicationBuilder app)
    {
        var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        app.UseForwardedHeaders(forwarded);
        return app.Use(async (context, next) =>
        {
            if (!context.Request.IsHttps && IsDashboardPath(context.Request.Path) && !IsLoopback(context.Connection.RemoteIpAddress))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await context.Response.WriteAsync("Dasbor hanya dapat dibuka melalui HTTPS.", context.RequestAborted);
                return;
            }
            await next(context);
        });
    }

    public static bool IsDashboardPath(PathString path) =>
        path.StartsWithSegments("/admin") || path.StartsWithSegments("/api/broadcasts") || path.StartsWithSegments("/api/recommendations")
        || path.StartsWithSegments("/api/evaluations") || path.StartsWithSegments("/api/mentoring") || path.StartsWithSegments("/api/questions")
        || path.StartsWithSegments("/api/enrollments") || path.StartsWithSegments("/api/learning-hours")
        || path.StartsWithSegments("/_blazor");

    private static bool IsLoopback(IPAddress? address) => address is not null && IPAddress.IsLoopback(address);
}
