using System.Net;
using AsnBot.Bot.Tests.Support;
using AsnBot.Dashboard.Access;
using AsnBot.Dashboard.Catalog;
using AsnBot.Knowledge.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AsnBot.Bot.Tests.Dashboard;

/// <summary>The catalog editor holds every field of a training, so saving the form never drops one; the catalog's export imports back as it is.</summary>
public sealed class CatalogFormTests : IAsyncLifetime
{
    private readonly BotApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Editing_a_training_in_the_form_keeps_its_sessions_and_saves_a_changed_cost()
    {
        var training = await _app.QueryAsync(db => db.Set<Training>().AsNoTracking().Include(t => t.Sessions).Include(t => t.Competencies).FirstAsync(t => t.Code == "PLT-001"));
        var form = CatalogForm.From(training);
        Assert.Equal(training.Cost?.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) ?? "", form.Cost);
        form.Cost = "1750000";
        form.Sessions[0].Quota = "33";

        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<CatalogEditing>().SaveAsync(form, CancellationToken.None);
            Assert.True(result.IsValid, string.Join("; ", result.Errors));
        }

        var saved = await _app.QueryAsync(db => db.Set<Training>().AsNoTracking().Include(t => t.Sessions).FirstAsync(t => t.Code == "PLT-001"));
        Assert.Equal(1750000m, saved.Cost);
        Assert.Equal(training.Sessions.Count, saved.Sessions.Count);
        Assert.Equal(33, saved.Sessions.Single(s => s.Id == form.Sessions[0].Id).Quota);
        Assert.Equal((training.Title, training.Jp, training.Path), (saved.Title, saved.Jp, saved.Path));
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    public async Task The_catalog_export_downloads_a_file_that_imports_back_unchanged(string format)
    {
        var before = await _app.QueryAsync(db => db.Set<Training>().AsNoTracking().Include(t => t.Sessions).OrderBy(t => t.Code).ToListAsync());
        using var http = await _app.CreateSignedInClientAsync(DashboardRoles.Coordinator, "Pemerintah Kota Ambon");

        using var response = await http.GetAsync($"/admin/ekspor/katalog.{format}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"katalog.{format}", response.Content.Headers.ContentDisposition?.FileName);
        var file = Path.Combine(Path.GetTempPath(), $"katalog-{Guid.NewGuid():N}.{format}");
        try
        {
            await File.WriteAllBytesAsync(file, await response.Content.ReadAsByteArrayAsync());
            await using var scope = _app.Services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<CatalogEditing>().ImportAsync(file, null, CancellationToken.None);
            Assert.True(result.IsValid, string.Join("; ", result.Errors));
            Assert.Equal(before.Select(t => (t.Code, t.Title, t.Jp, t.Cost, t.Sessions.Count)), result.Trainings.OrderBy(t => t.Code, StringComparer.Ordinal).Select(t => (t.Code, t.Title, t.Jp, t.Cost, t.Sessions.Count)));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
