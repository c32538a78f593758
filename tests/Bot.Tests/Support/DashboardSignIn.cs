using System.Net;
using System.Text.RegularExpressions;
using AsnBot.Dashboard.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AsnBot.Bot.Tests.Support;

/// <summary>
/// Signs a test in to the dashboard the way a browser does (sign-in form, antiforgery token,
/// cookie), so tests of the coordinators' APIs and pages call them as a signed-in user:
/// <c>using var http = await app.CreateSignedInClientAsync();</c> for an Admin, or
/// <c>await app.CreateSignedInClientAsync(DashboardRoles.Coordinator, "Pemerintah Kota Ambon")</c>.
/// </summary>
public static partial class DashboardSignIn
{
    /// <summary>The password every test account gets (already changed: no one-time password to replace).</summary>
    public const string Password = "Uji-Dasbor-2026!";

    /// <summary>Over HTTPS, as the dashboard requires; the client keeps the cookies and does not follow redirects.</summary>
    public static HttpClient CreateDashboardClient(this WebApplicationFactory<Program> app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });

    public static async Task<HttpClient> CreateSignedInClientAsync(this WebApplicationFactory<Program> app, string role = DashboardRoles.Admin, params string[] agencies)
    {
        var email = await CreateAccountAsync(app, role, agencies);
        var http = app.CreateDashboardClient();
        using var response = await http.SignInAsync(email, Password);
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString != "/admin")
            throw new InvalidOperationException($"Sign-in as {email} answered {(int)response.StatusCode} {response.Headers.Location}.");
        return http;
    }

    /// <summary>A Mentor account linked to the civil servant with this NIP, signed in.</summary>
    public static async Task<HttpClient> CreateSignedInMentorAsync(this WebApplicationFactory<Program> app, string nip)
    {
        var email = await CreateAccountAsync(app, DashboardRoles.Mentor);
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<DashboardAccounts>().LinkMentorAsync(email, nip);
        var http = app.CreateDashboardClient();
        using var response = await http.SignInAsync(email, Password);
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in as {email} answered {(int)response.StatusCode}.");
        return http;
    }

    /// <summary>An account with <see cref="Password"/>, the role and (for a coordinator) the agencies; returns its email.</summary>
    public static async Task<string> CreateAccountAsync(WebApplicationFactory<Program> app, string role = DashboardRoles.Admin, params string[] agencies)
    {
        ArgumentNullException.ThrowIfNull(app);
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@uji.go.id";
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DashboardUser>>();
        var user = new DashboardUser { UserName = email, Email = email, EmailConfirmed = true };
        var created = await users.CreateAsync(user, Password);
        if (!created.Succeeded)
            throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
        await scope.ServiceProvider.GetRequiredService<DashboardAccounts>().SetRoleAsync(user, role, agencies);
        return email;
    }

    /// <summary>Posts the sign-in form with the antiforgery token of a freshly fetched sign-in page.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(this HttpClient http, string email, string password)
    {
        ArgumentNullException.ThrowIfNull(http);
        var token = await AntiforgeryTokenAsync(http, SignInEndpoints.SignInPage);
        return await http.PostAsync(SignInEndpoints.SignInPost, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["email"] = email,
            ["password"] = password,
        }));
    }

    /// <summary>The hidden antiforgery field of a form page.</summary>
    public static async Task<string> AntiforgeryTokenAsync(this HttpClient http, string page)
    {
        ArgumentNullException.ThrowIfNull(http);
        var html = await http.GetStringAsync(page);
        return TokenField().Match(html) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException($"No antiforgery token on {page}.");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
