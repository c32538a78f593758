using System.Net;
using System.Net.Http.Json;
using AsnBot.Bot.Tests.Support;
using AsnBot.Dashboard.Access;
using AsnBot.Dashboard.Audit;
using AsnBot.Dashboard.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AsnBot.Bot.Tests.Dashboard;

/// <summary>Sign-in to the dashboard: who gets in, how the session is protected, and what a one-time password allows.</summary>
public sealed class DashboardSignInTests : IAsyncLifetime
{
    private readonly BotApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Anonymous_callers_get_401_from_coordinator_APIs_and_the_sign_in_page_from_the_dashboard()
    {
        using var http = _app.CreateDashboardClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.PostAsJsonAsync("/api/recommendations", new { text = "excel" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.PostAsJsonAsync("/api/broadcasts", new { text = "Halo" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/broadcasts/1")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/admin/ekspor/pegawai.csv")).StatusCode);
        using var page = await http.GetAsync("/admin/pegawai");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("https://localhost/admin/masuk", page.Headers.Location!.ToString(), StringComparison.Ordinal);
        // The chat channels stay open to everyone.
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/webchat/some-session/messages")).StatusCode);
    }

    [Fact]
    public async Task Signing_in_sets_a_secure_http_only_strict_cookie_and_signing_out_ends_the_session()
    {
        var email = await DashboardSignIn.CreateAccountAsync(_app);
        using var http = _app.CreateDashboardClient();
        using var signIn = await http.SignInAsync(email, DashboardSignIn.Password);

        Assert.Equal("/admin", signIn.Headers.Location!.OriginalString);
        var cookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("AsnBot.Admin=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/admin/ekspor/pegawai.csv")).StatusCode);

        var token = await http.AntiforgeryTokenAsync(SignInEndpoints.ChangePasswordPage);
        using var signOut = await http.PostAsync(SignInEndpoints.SignOutPost, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/admin/ekspor/pegawai.csv")).StatusCode);
    }

    [Fact]
    public async Task A_sign_in_post_without_the_antiforgery_token_is_refused()
    {
        var email = await DashboardSignIn.CreateAccountAsync(_app);
        using var http = _app.CreateDashboardClient();
        using var response = await http.PostAsync(SignInEndpoints.SignInPost, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = email,
            ["password"] = DashboardSignIn.Password,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("AsnBot.Admin=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_for_the_right_password_and_are_audited()
    {
        var email = await DashboardSignIn.CreateAccountAsync(_app);
        using var http = _app.CreateDashboardClient();
        for (var i = 0; i < 5; i++)
            Assert.Equal("/admin/masuk?" + (i < 4 ? "gagal=1" : "terkunci=1"), (await http.SignInAsync(email, "salah-" + i)).Headers.Location!.OriginalString);

        using var locked = await http.SignInAsync(email, DashboardSignIn.Password);
        Assert.Equal("/admin/masuk?terkunci=1", locked.Headers.Location!.OriginalString);
        await using var scope = _app.Services.CreateAsyncScope();
        var audit = scope.ServiceProvider.GetRequiredService<DashboardDbContext>().AuditEntries;
        Assert.Equal(6, await audit.CountAsync(e => e.UserName == email && e.Action == AuditActions.SignInFailed));
    }

    [Fact]
    public async Task Sign_in_attempts_beyond_the_per_minute_limit_are_answered_429()
    {
        _app.Settings["Dashboard:SignInAttemptsPerMinute"] = "3";
        using var http = _app.CreateDashboardClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
            statuses.Add((await http.SignInAsync("tidak-ada@uji.go.id", "salah")).StatusCode);
        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Plain_http_from_another_machine_is_refused()
    {
        using var http = _app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://localhost"), AllowAutoRedirect = false });
        using var response = await http.GetAsync(SignInEndpoints.SignInPage);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("HTTPS", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_one_time_password_opens_only_the_change_password_form_until_it_is_changed()
    {
        string password;
        await using (var scope = _app.Services.CreateAsyncScope())
            password = await scope.ServiceProvider.GetRequiredService<DashboardAccounts>().CreateAsync("kepala@bkpsdm.go.id", DashboardRoles.Admin, [], CancellationToken.None);
        using var http = _app.CreateDashboardClient();

        Assert.Equal(SignInEndpoints.ChangePasswordPage, (await http.SignInAsync("kepala@bkpsdm.go.id", password)).Headers.Location!.OriginalString);
        Assert.Equal(SignInEndpoints.ChangePasswordPage, (await http.GetAsync("/admin/pegawai")).Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.PostAsJsonAsync("/api/recommendations", new { text = "excel" })).StatusCode);

        var token = await http.AntiforgeryTokenAsync(SignInEndpoints.ChangePasswordPage);
        using var changed = await http.PostAsync(SignInEndpoints.ChangePasswordPost, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["currentPassword"] = password,
            ["newPassword"] = "Sandi-Baru-Kepala-1",
            ["confirmPassword"] = "Sandi-Baru-Kepala-1",
        }));
        Assert.Equal("/admin", changed.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsJsonAsync("/api/recommendations", new { text = "excel" })).StatusCode);
        using var fresh = _app.CreateDashboardClient();
        Assert.Equal("/admin", (await fresh.SignInAsync("kepala@bkpsdm.go.id", "Sandi-Baru-Kepala-1")).Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_one_time_password_is_strong_enough_for_the_password_rules()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<DashboardAccounts>();
        for (var i = 0; i < 20; i++)
            Assert.NotEmpty(await accounts.CreateAsync($"admin{i}@uji.go.id", DashboardRoles.Admin, [], CancellationToken.None));
    }
}
