using System.Collections.Immutable;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AsnBot.Bot.Tests.Channels.Web;
using AsnBot.Bot.Tests.Support;
using AsnBot.Conversations.Dialogs;
using AsnBot.Conversations.Engine;
using AsnBot.Knowledge.Outbox;
using AsnBot.Knowledge.Profiles;
using AsnBot.Knowledge.Questions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AsnBot.Bot.Tests.Questions;

/// <summary>A question the bot cannot answer, passed to a coordinator over the web chat and answered over HTTP.</summary>
public sealed class HandOffTests : IAsyncLifetime
{
    private const string Unanswerable = "tunjangan kinerja bulan ini cair kapan";
    private readonly BotApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<WebChatSession> AskUnanswerableAsync()
    {
        var chat = _app.Chat();
        await RegistrationOverWebChatTests.RegisterAsync(chat);
        await chat.SayAsync(Unanswerable);
        Assert.Contains("Mau saya teruskan ke pengelola", chat.LastText, StringComparison.Ordinal);
        return chat;
    }

    [Fact]
    public async Task A_question_passed_on_is_listed_for_coordinators_their_answer_reaches_the_person_through_the_outbox_and_hapusdata_erases_it()
    {
        var chat = await AskUnanswerableAsync();
        await chat.PressAsync("ya");
        Assert.Contains("sudah diteruskan ke pengelola (nomor 1)", chat.LastText, StringComparison.Ordinal);
        var http = await _app.CreateSignedInClientAsync();

        var open = await http.GetFromJsonAsync<JsonElement>("/api/questions");
        var listed = Assert.Single(open.EnumerateArray());
        Assert.Equal(Unanswerable, listed.GetProperty("text").GetString());
        Assert.Equal("Siti Rahma", listed.GetProperty("personName").GetString());
        var id = listed.GetProperty("id").GetInt64();

        var answered = await http.PostAsJsonAsync($"/api/questions/{id}/answer", new { text = "Tukin bulan ini cair tanggal 10.", answeredBy = "BKPSDM Kota Ambon" });
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);

        var person = await _app.QueryAsync(db => db.Set<Person>().SingleAsync());
        var message = await _app.QueryAsync(db => db.Set<OutboxMessage>().SingleAsync(m => m.DedupeKey == "question-answer:" + id));
        Assert.Equal((person.Id, "web", chat.SessionId), (message.PersonId, message.Channel, message.Address));
        var payload = OutboxPayload.FromJson(message.PayloadJson);
        var text = TextTemplate.Fill(_app.Services.GetRequiredService<DialogSet>().Texts[payload.TextKey!], payload.Args!.ToImmutableDictionary());
        Assert.Equal($"💬 Jawaban pengelola atas pertanyaan Anda \"{Unanswerable}\":\nTukin bulan ini cair tanggal 10.", text);
        Assert.Empty((await http.GetFromJsonAsync<JsonElement>("/api/questions")).EnumerateArray());
        var stored = await _app.QueryAsync(db => db.Set<PersonQuestion>().SingleAsync());
        Assert.Equal((QuestionStatus.Answered, "BKPSDM Kota Ambon"), (stored.Status, stored.AnsweredBy));

        var again = await http.PostAsJsonAsync($"/api/questions/{id}/answer", new { text = "Lagi." });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var unknown = await http.PostAsJsonAsync("/api/questions/999/answer", new { text = "Siapa?" });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var empty = await http.PostAsJsonAsync($"/api/questions/{id}/answer", new { text = "" });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(1, await _app.QueryAsync(db => db.Set<OutboxMessage>().CountAsync()));

        await chat.SayAsync("/hapusdata");
        await chat.PressAsync("ya");
        Assert.Equal(0, await _app.QueryAsync(db => db.Set<PersonQuestion>().CountAsync()));
    }

    [Fact]
    public async Task A_question_the_person_does_not_want_passed_on_is_not_stored()
    {
        var chat = await AskUnanswerableAsync();
        await chat.PressAsync("tidak");

        Assert.Contains("tidak diteruskan", chat.LastText, StringComparison.Ordinal);
        Assert.Equal(0, await _app.QueryAsync(db => db.Set<PersonQuestion>().CountAsync()));
    }
}
