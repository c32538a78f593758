using System.Text;
using AsnBot.Channels.Telegram;
using AsnBot.Conversations.Engine;

namespace AsnBot.Bot.Tests.Channels.Telegram;

public sealed class TelegramTextTests
{
    [Fact]
    public void A_text_within_the_limit_stays_whole()
    {
        Assert.Equal(["Halo\n\nApa kabar?"], TelegramText.Split("Halo\n\nApa kabar?"));
    }

    [Fact]
    public void A_long_paragraph_without_breaks_is_cut_at_spaces_and_never_exceeds_the_limit()
    {
        var text = string.Join(' ', Enumerable.Repeat("kompetensi", 1000));
        var parts = TelegramText.Split(text);
        Assert.All(parts, p => Assert.InRange(p.Length, 1, TelegramText.MaxLength));
        Assert.Equal(text, string.Join(' ', parts));
    }

    [Fact]
    public void A_hard_cut_never_splits_an_emoji()
    {
        var text = new string('x', 4095) + "😀" + "y";
        var parts = TelegramText.Split(text);
        Assert.Equal(text, string.Concat(parts));
        Assert.All(parts, p => Assert.False(char.IsHighSurrogate(p[^1])));
    }

    [Fact]
    public void Markup_characters_are_escaped_for_parse_mode_HTML()
    {
        Assert.Equal("a &lt;b&gt; &amp; \"c\"", TelegramText.Escape("a <b> & \"c\""));
    }
}

public sealed class TelegramReplyJoiningTests
{
    private static readonly Reply Question = new("Apakah Anda setuju?") { Choices = [new("Setuju", "ya"), new("Tidak setuju", "tidak")] };

    [Fact]
    public void Replies_before_a_question_go_out_with_it_as_one_message_under_its_keyboard()
    {
        var messages = TelegramReplies.Messages([new Reply("Selamat datang 👋\n"), new Reply("Sebelum mulai:"), Question, new Reply("Catatan penutup")]).ToList();

        Assert.Equal(2, messages.Count);
        Assert.Equal("Selamat datang 👋\n\nSebelum mulai:\n\nApakah Anda setuju?", messages[0].Text);
        Assert.Same(Question, messages[0].Prompt);
        Assert.Equal(("Catatan penutup", 0), (messages[1].Text, messages[1].Prompt.Choices.Count));
    }

    [Fact]
    public void The_joined_question_keeps_the_keys_of_the_question_as_asked()
    {
        var (_, prompt) = TelegramReplies.Messages([new Reply("Selamat datang"), Question]).Single();

        Assert.Equal(Question.Choices[1], TelegramChoiceKeys.Resolve(TelegramChoiceKeys.For(prompt, 1), Question));
    }

    [Fact]
    public void Replies_that_would_not_fit_in_one_message_together_go_out_apart()
    {
        var long1 = new Reply(new string('a', 3000));
        var long2 = new Reply(new string('b', 1500)) { Choices = Question.Choices };

        var messages = TelegramReplies.Messages([long1, long2, new Reply("c"), new Reply("d")]).ToList();

        Assert.Equal([long1.Text, long2.Text, "c\n\nd"], messages.Select(m => m.Text));
        Assert.Same(long2, messages[1].Prompt);
    }
}

public sealed class TelegramChoiceKeyTests
{
    private static readonly Reply Question = new("Jenjang jabatan Anda yang mana?")
    {
        Choices = [new ReplyChoice("Fungsional Ahli Pertama dengan label yang sangat panjang sekali", "fungsional-pertama"), new ReplyChoice("Pelaksana", "pelaksana")],
    };

    [Fact]
    public void A_key_is_compact_and_resolves_to_the_option_of_the_same_question()
    {
        var key = TelegramChoiceKeys.For(Question, 0);
        Assert.InRange(Encoding.UTF8.GetByteCount(key), 1, 64);
        Assert.DoesNotContain("Fungsional", key, StringComparison.Ordinal);
        Assert.Equal("fungsional-pertama", TelegramChoiceKeys.Resolve(key, Question)?.Value);
    }

    [Fact]
    public void A_key_of_another_question_does_not_resolve()
    {
        var other = Question with { Text = "Pertanyaan lain" };
        Assert.Null(TelegramChoiceKeys.Resolve(TelegramChoiceKeys.For(other, 1), Question));
        Assert.Null(TelegramChoiceKeys.Resolve(TelegramChoiceKeys.For(Question, 1), null));
        Assert.Null(TelegramChoiceKeys.Resolve("garbage", Question));
        Assert.Null(TelegramChoiceKeys.Resolve(TelegramChoiceKeys.For(Question, 1)[..9] + "7", Question));
    }
}

public sealed class TelegramOptionsTests
{
    private static readonly TelegramOptionsValidation Validation = new();

    [Fact]
    public void No_token_means_the_channel_is_off_and_nothing_else_is_checked()
    {
        Assert.True(Validation.Validate(null, new TelegramOptions { Mode = TelegramMode.Webhook }).Succeeded);
    }

    [Theory]
    [InlineData("not-a-token", "Polling", "", "", "Telegram:BotToken")]
    [InlineData("123:ABC", "Webhook", "", "secret", "Telegram:WebhookUrl")]
    [InlineData("123:ABC", "Webhook", "http://example.org/api/telegram/update", "secret", "Telegram:WebhookUrl")]
    [InlineData("123:ABC", "Webhook", "https://example.org/api/telegram/update", "", "Telegram:WebhookSecret")]
    [InlineData("123:ABC", "Webhook", "https://example.org/api/telegram/update", "has spaces", "Telegram:WebhookSecret")]
    public void An_invalid_combination_is_refused_with_a_sentence_naming_the_key(string token, string mode, string url, string secret, string key)
    {
        var result = Validation.Validate(null, new TelegramOptions
        {
            BotToken = token, Mode = Enum.Parse<TelegramMode>(mode), WebhookUrl = url, WebhookSecret = secret,
        });
        Assert.True(result.Failed);
        Assert.Contains(key, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_secret_of_257_characters_is_refused()
    {
        var result = Validation.Validate(null, new TelegramOptions
        {
            BotToken = "123:ABC", Mode = TelegramMode.Webhook, WebhookUrl = "https://example.org/x", WebhookSecret = new string('a', 257),
        });
        Assert.Contains("Telegram:WebhookSecret", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void The_secret_comparison_accepts_only_the_exact_secret()
    {
        var expected = TelegramWebhook.SecretHash("abc_123");
        Assert.True(TelegramWebhook.SecretMatches("abc_123", expected));
        Assert.False(TelegramWebhook.SecretMatches("abc_12", expected));
        Assert.False(TelegramWebhook.SecretMatches("abc_1234", expected));
        Assert.False(TelegramWebhook.SecretMatches("", expected));
    }
}
