namespace AsnBot.Dashboard.Access;

/// <summary>
/// While an account still has its one-time password, the dashboard and the coordinators' APIs
/// show nothing but the change-password form (APIs answer 403).
/// </summary>
public static class PasswordChangeGate
{
    public static IApplicationBuilder UsePasswordChangeGate(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path;
            if (context.User.HasClaim(c => c.Type == DashboardRoles.MustChangePasswordClaim)
                && (path.StartsWithSegments("/admin") || path.StartsWithSegments("/api"))
                && !path.StartsWithSegments(SignInEndpoints.ChangePasswordPage)
                && !path.StartsWithSegments(SignInEndpoints.ChangePasswordPost)
                && !path.StartsWithSegments(SignInEndpoints.SignOutPost))
            {
                if (path.StartsWithSegments("/api"))
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                else
                    context.Response.Redirect(SignInEndpoints.ChangePasswordPage);
                return;
            }
            await next(context);
        });
}
