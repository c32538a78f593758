using AsnBot.Bot.Tests.Support;
using AsnBot.Dashboard.Access;

namespace AsnBot.Bot.Tests.Dashboard;

/// <summary><c>create-admin</c> as an operator runs it, then the first sign-in with what it printed.</summary>
public sealed class CreateAdminCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "asnbot-create-admin-" + Guid.NewGuid().ToString("N"));

    public CreateAdminCommandTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        BotApp.DeleteDatabase(Path.Combine(_folder, "test.db"));
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Create_admin_prints_a_one_time_password_that_signs_in_to_the_change_password_form()
    {
        var database = Path.Combine(_folder, "test.db");
        var (exitCode, output, errors) = await BotProcess.RunCommandAsync(database, _folder, "create-admin", "--email", "admin@bkpsdm.go.id");
        Assert.True(exitCode == 0, errors);
        var password = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
        Assert.Equal(16, password.Length);

        await using var app = new BotApp(database);
        using var http = app.CreateDashboardClient();
        Assert.Equal("/admin/masuk?gagal=1", (await http.SignInAsync("admin@bkpsdm.go.id", password + "x")).Headers.Location!.OriginalString);
        Assert.Equal(SignInEndpoints.ChangePasswordPage, (await http.SignInAsync("admin@bkpsdm.go.id", password)).Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Create_admin_refuses_what_is_not_an_email_address()
    {
        var (exitCode, _, errors) = await BotProcess.RunCommandAsync(Path.Combine(_folder, "test.db"), _folder, "create-admin", "--email", "bukan-email");
        Assert.Equal(2, exitCode);
        Assert.Contains("is not an email address", errors, StringComparison.Ordinal);
    }
}
