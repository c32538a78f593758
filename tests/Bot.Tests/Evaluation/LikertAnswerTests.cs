using System.Collections.Immutable;
using AsnBot.Bot.Tests.Support;
using AsnBot.Conversations.Engine;

namespace AsnBot.Bot.Tests.Evaluation;

/// <summary>The shipped questionnaires' Likert steps, run by the engine as a pure function.</summary>
public sealed class LikertAnswerTests
{
    private static readonly TurnContext Context = new(new DateTimeOffset(2026, 12, 1, 3, 0, 0, TimeSpan.Zero), IsRegistered: true);

    private static readonly global::AsnBot.Conversations.Dialogs.DialogSet Dialogs = TestDialogs.From(
        File.ReadAllText(Path.Combine(RepoPaths.Dialogs, "evaluation-reaction.yaml")),
        File.ReadAllText(Path.Combine(RepoPaths.Dialogs, "evaluation-behaviour.yaml")));

    private static ConversationState At(string dialog, string step) => ConversationState.Idle with
    {
        Active = new DialogFrame(dialog, step, ImmutableDictionary<string, string>.Empty.Add("eval.training", "Pelatihan Uji").Add("eval.subject", "Anda")),
    };

    [Theory]
    [InlineData("bagus")]
    [InlineData("6")]
    [InlineData("0")]
    [InlineData("4,5")]
    [InlineData("")]
    [InlineData("👍")]
    public void Bad_likert_input_is_re_prompted_with_a_hint_and_the_state_is_kept(string typed)
    {
        var state = At("evaluation-reaction", "fasilitator-materi");

        var turn = DialogEngine.Next(Dialogs, state, new UserText(typed), Context);

        Assert.Same(state, turn.State);
        Assert.Equal(2, turn.Replies.Count);
        Assert.Equal("Mohon jawab dengan angka 1 sampai 5, atau tekan salah satu tombol.", turn.Replies[0].Text);
        Assert.Equal("(1/10) Fasilitator: penguasaan materi", turn.Replies[1].Text);
        Assert.Equal(["1 · Sangat Tidak Baik", "2 · Tidak Baik", "3 · Cukup", "4 · Baik", "5 · Sangat Baik"], turn.Replies[1].Choices.Select(c => c.Label));
    }

    [Theory]
    [InlineData("4", "4")]
    [InlineData(" 2 ", "2")]
    [InlineData("Sangat Baik", "5")]
    [InlineData("cukup", "3")]
    public void A_number_or_a_label_is_stored_as_the_item_score_and_the_next_item_is_asked(string typed, string stored)
    {
        var turn = DialogEngine.Next(Dialogs, At("evaluation-reaction", "fasilitator-materi"), new UserText(typed), Context);

        Assert.Equal(stored, turn.State.Active!.Answers["item.fasilitator.penguasaan-materi"]);
        Assert.Equal("fasilitator-sistematika", turn.State.Active.StepId);
        Assert.Equal("(2/10) Fasilitator: sistematika penyajian (urutan dan kejelasan materi)", Assert.Single(turn.Replies).Text);
    }

    [Theory]
    [InlineData("Tidak Terlihat")]
    [InlineData("tidak terlihat")]
    [InlineData("0")]
    public void Behaviour_items_accept_not_observed_as_zero(string typed)
    {
        var turn = DialogEngine.Next(Dialogs, At("evaluation-behaviour", "menerapkan"), new UserText(typed), Context);

        Assert.Equal("0", turn.State.Active!.Answers["item.menerapkan"]);
        Assert.Equal("cara-kerja", turn.State.Active.StepId);
    }

    [Fact]
    public void Behaviour_items_offer_the_not_observed_button_after_the_scale()
    {
        var turn = DialogEngine.Next(Dialogs, At("evaluation-behaviour", "menerapkan"), new UserText("sering banget"), Context);

        Assert.Equal("Mohon jawab dengan angka 1 sampai 5, atau tekan salah satu tombol.", turn.Replies[0].Text);
        Assert.Equal(["1", "2", "3", "4", "5", "0"], turn.Replies[1].Choices.Select(c => c.Value));
        Assert.Equal("Tidak Terlihat", turn.Replies[1].Choices[^1].Label);
    }
}
