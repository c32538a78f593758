using AsnBot.Dashboard.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace AsnBot.Dashboard.Access;

/// <summary>
/// The form posts of the sign-in pages. They are plain endpoints, not interactive components,
/// because signing in writes a cookie; each checks the antiforgery token of its form, and the
/// sign-in itself is rate limited per client address.
/// </summary>
public static class SignInEndpoints
{
    public const string SignInPage = "/admin/masuk";
    public const string ChangePasswordPage = "/admin/ganti-sandi";
    public const string SignInPost = "/admin/akun/masuk";
    public const string SignOutPost = "/admin/akun/keluar";
    public const string ChangePasswordPost = "/admin/akun/ganti-sandi";
    public const string RateLimitPolicy = "dashboard-sign-in";

    public static IEndpointRouteBuilder MapSignIn(this IEndpointRouteBuilder app)
    {
        app.MapPost(SignInPost, SignInAsync).RequireRateLimiting(RateLimitPolicy);
        app.MapPost(SignOutPost, SignOutAsync).RequireAuthorization();
        app.MapPost(ChangePasswordPost, ChangePasswordAsync).RequireAuthorization().RequireRateLimiting(RateLimitPolicy);
        return app;
    }

    private static async Task<IResult> SignInAsync(
        [FromForm] string? email, [FromForm] string? password, [FromForm] string? returnUrl,
        SignInManager<DashboardUser> signIn, AuditLog audit, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
            return Results.LocalRedirect($"{SignInPage}?gagal=1");
        var result = await signIn.PasswordSignInAsync(email.Trim(), password, isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            await audit.WriteAsync(email.Trim(), AuditActions.SignInFailed, "akun terkunci", cancellationToken);
            return Results.LocalRedirect($"{SignInPage}?terkunci=1");
        }
        if (!result.Succeeded)
        {
            await audit.WriteAsync(email.Trim(), AuditActions.SignInFailed, "", cancellationToken);
            return Results.LocalRedirect($"{SignInPage}?gagal=1");
        }
        await audit.WriteAsync(email.Trim(), AuditActions.SignIn, "", cancellationToken);
        var user = await signIn.UserManager.FindByNameAsync(email.Trim());
        if (user is { MustChangePassword: true })
            return Results.LocalRedirect(ChangePasswordPage);
        return Results.LocalRedirect(IsLocalDashboardUrl(returnUrl) ? returnUrl! : "/admin");
    }

    private static async Task<IResult> SignOutAsync(SignInManager<DashboardUser> signIn)
    {
        await signIn.SignOutAsync();
        return Results.LocalRedirect(SignInPage);
    }

    private static async Task<IResult> ChangePasswordAsync(
        [FromForm] string? currentPassword, [FromForm] string? newPassword, [FromForm] string? confirmPassword,
        HttpContext context, SignInManager<DashboardUser> signIn)
    {
        var users = signIn.UserManager;
        if (await users.GetUserAsync(context.User) is not { } user)
            return Results.LocalRedirect(SignInPage);
        if (string.IsNullOrEmpty(newPassword) || newPassword != confirmPassword)
            return Results.LocalRedirect($"{ChangePasswordPage}?gagal=beda");
        if (newPassword == currentPassword)
            return Results.LocalRedirect($"{ChangePasswordPage}?gagal=sama");
        var changed = await users.ChangePasswordAsync(user, currentPassword ?? "", newPassword);
        if (!changed.Succeeded)
        {
            var reason = changed.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)) ? "lama" : "lemah";
            return Results.LocalRedirect($"{ChangePasswordPage}?gagal={reason}");
        }
        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        await signIn.RefreshSignInAsync(user);
        return Results.LocalRedirect("/admin");
    }

    /// <summary>Only back into the dashboard, never to another site or path (open redirects).</summary>
    private static bool IsLocalDashboardUrl(string? url) =>
        url is { Length: > 0 } && url.StartsWith("/admin", StringComparison.Ordinal) && !url.StartsWith("//", StringComparison.Ordinal) && !url.Contains('\\', StringComparison.Ordinal);
}
