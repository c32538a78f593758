using System.Collections.Immutable;
using AsnBot.Conversations;
using AsnBot.Conversations.Dialogs;
using AsnBot.Conversations.Engine;
using AsnBot.Knowledge.Answers;

namespace AsnBot.Bot.Tests.Questions;

/// <summary>The shipped route table (data/questions.yaml) against the shipped dialogs, through the one router.</summary>
public sealed class RoutingTableTests
{
    private static readonly DialogSet Dialogs = ShippedDialogs();
    private static readonly QuestionContent Content = QuestionContent.Load(Path.Combine(RepoPaths.Data, "questions.yaml"));
    private static readonly FreeTextRouter Router = new(Content, Dialogs);
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);

    private static DialogSet ShippedDialogs()
    {
        var (dialogs, texts) = new DialogLoader().LoadFolder(RepoPaths.Dialogs);
        return new DialogSet(dialogs.ToImmutableDictionary(d => d.Id), texts!);
    }

    [Theory]
    [InlineData("jp sy udh brp", "jp-saya", "")]
    [InlineData("jp saya berapa", "jp-saya", "")]
    [InlineData("hapus data saya", "delete-data", "")]
    [InlineData("gmn cara hapus data sy", "delete-data", "")]
    [InlineData("lihat data saya", "my-data", "")]
    [InlineData("sy mau isi survei kebutuhan", "needs-survey", "")]
    [InlineData("minta rekomendasi pelatihan dong", "recommendations", "")]
    [InlineData("mau daftar pelatihan excel", "recommendations", "excel")]
    [InlineData("cari pelatihan arsip dinamis", "recommendations", "arsip dinamis")]
    [InlineData("halo", "menu", "")]
    [InlineData("berapa jp minimal setahun?", "ask", "")]
    [InlineData("klo data sy bocor gmn", "ask", "")]
    [InlineData("halo, jp saya berapa sekarang ya pak", "jp-saya", "")]
    public void Free_text_of_an_idle_member_opens_the_dialog_its_route_names(string text, string dialog, string search)
    {
        var input = Router.Route(ConversationState.Idle, new UserText(text), isRegistered: true, Now);

        var open = Assert.IsType<OpenDialog>(input);
        Assert.Equal(dialog, open.DialogId);
        if (dialog == "ask")
            Assert.Equal(text, open.Answers[FreeTextRouter.QuestionAnswer]);
        else
            Assert.Equal(search, open.Answers.GetValueOrDefault("pick", ""));
    }

    [Fact]
    public void Every_route_opens_a_dialog_that_exists_and_every_search_answer_is_one_the_dialog_reads()
    {
        Assert.NotEmpty(Content.Routes.Routes);
        foreach (var route in Content.Routes.Routes)
        {
            Assert.True(Dialogs.Contains(route.Dialog), $"route {route.Id} opens missing dialog {route.Dialog}");
            Assert.False(string.IsNullOrWhiteSpace(route.Says), $"route {route.Id} says nothing for the ask command");
            if (route.IsSearch)
                Assert.Contains(Dialogs.Get(route.Dialog).Steps, s => s.Args.ContainsValue(route.SearchAnswer) || s.AnswerKey == route.SearchAnswer);
        }
    }

    [Fact]
    public void A_route_to_a_dialog_that_does_not_exist_stops_the_start_with_the_route_named()
    {
        var dir = Directory.CreateTempSubdirectory("asnbot-routes-").FullName;
        try
        {
            var file = Path.Combine(dir, "questions.yaml");
            File.WriteAllText(file, File.ReadAllText(Path.Combine(RepoPaths.Data, "questions.yaml")).Replace("dialog: jp-saya", "dialog: jp-lama", StringComparison.Ordinal));
            var error = Assert.Throws<InvalidDataException>(() => new FreeTextRouter(QuestionContent.Load(file), Dialogs));
            Assert.Contains("jp-ledger -> jp-lama", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Text_inside_a_dialog_a_menu_button_and_a_newcomer_are_left_to_the_engine()
    {
        var registering = ConversationState.Idle with { Active = new DialogFrame("registration", "name", ImmutableDictionary<string, string>.Empty) };
        var onMenu = ConversationState.Idle with { Active = new DialogFrame("menu", Dialogs.Get("menu").First.Id, ImmutableDictionary<string, string>.Empty) };

        Assert.IsType<UserText>(Router.Route(registering, new UserText("hapus data saya"), isRegistered: true, Now));
        Assert.IsType<UserChoice>(Router.Route(onMenu, new UserChoice("jp"), isRegistered: true, Now));
        Assert.IsType<UserText>(Router.Route(onMenu, new UserText("1"), isRegistered: true, Now));
        Assert.IsType<UserText>(Router.Route(ConversationState.Idle, new UserText("/dataku"), isRegistered: true, Now));
        Assert.IsType<UserText>(Router.Route(ConversationState.Idle, new UserText("jp saya berapa"), isRegistered: false, Now));
        Assert.Equal("jp-saya", Assert.IsType<OpenDialog>(Router.Route(onMenu, new UserText("jp sy udh brp"), isRegistered: true, Now)).DialogId);
    }
}
