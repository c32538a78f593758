using System.Collections.Immutable;
using System.Globalization;
using AsnBot.Conversations.Dialogs;
using AsnBot.Knowledge.Profiles;

namespace AsnBot.Conversations.Engine;

/// <summary>How the engine took a person's answer to the step they are on.</summary>
public abstract record Answer
{
    /// <summary>Not acceptable: tell them why and ask again; nothing changes.</summary>
    public sealed record Invalid(string Hint) : Answer;

    /// <summary>Accepted: set these answers and move on (to <see cref="Next"/> if given).</summary>
    public sealed record Accepted(ImmutableDictionary<string, string> Answers, ImmutableList<Reply> Feedback, string? Next, string? ReturnTo) : Answer;

    /// <summary>Part of a multi-select: keep the selection and ask for more.</summary>
    public sealed record Partial(ImmutableDictionary<string, string> Answers, Reply Feedback) : Answer;
}

/// <summary>Reads typed text or a pressed button as the answer to one step kind.</summary>
public static class AnswerReader
{
    public const string DoneValue = "__done";
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");
    private static readonly string[] DateFormats = ["d-M-yyyy", "d/M/yyyy", "yyyy-M-d", "d.M.yyyy", "d M yyyy"];

    public static Answer Read(Step step, TurnInput input, IReadOnlyDictionary<string, string> answers, EngineTexts texts, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(texts);
        var raw = input switch
        {
            UserText t => t.Text,
            UserChoice c => c.Value,
            _ => string.Empty,
        };
        var key = step.AnswerKey;
        return step.Kind switch
        {
            StepKind.Choice => ReadChoice(step, input, raw, texts),
            StepKind.Quiz => ReadQuiz(step, input, raw, texts),
            StepKind.Multi => ReadMulti(step, input, raw, answers, texts),
            StepKind.Likert => ReadLikert(step, raw, texts),
            StepKind.Text => ReadText(step, raw, texts),
            StepKind.Number => ReadNumber(step, raw, texts),
            StepKind.Nip => ReadNip(key, raw, texts, now),
            StepKind.Date => ReadDate(step, raw, texts, now),
            _ => new Answer.Invalid(texts["invalid.text"]),
        };
    }

    private static Answer ReadChoice(Step step, TurnInput input, string raw, EngineTexts texts)
    {
        var option = FindOption(step.Options, input, raw);
        if (option is null)
            return new Answer.Invalid(texts["invalid.choice"]);
        return Accept(step.AnswerKey, option.Value, option.Label, next: option.Next, returnTo: option.Then);
    }

    private static Answer ReadQuiz(Step step, TurnInput input, string raw, EngineTexts texts)
    {
        var option = FindOption(step.Options, input, raw);
        if (option is null)
            return new Answer.Invalid(texts["invalid.choice"]);
        var isCorrect = option.Value == step.Correct;
        var verdict = isCorrect ? texts["quiz.correct"] : texts["quiz.wrong"];
        var feedback = string.IsNullOrWhiteSpace(step.Explanation) ? verdict : verdict + "\n" + step.Explanation;
        var set = ImmutableDictionary<string, string>.Empty
            .Add(step.AnswerKey, option.Value)
            .Add(step.AnswerKey + ":label", option.Label)
            .Add(step.AnswerKey + ":correct", isCorrect ? "true" : "false");
        return new Answer.Accepted(set, [new Reply(feedback)], option.Next, null);
    }

    private static Answer ReadMulti(Step step, TurnInput input, string raw, IReadOnlyDictionary<string, string> answers, EngineTexts texts)
    {
        var key = step.AnswerKey;
        var chosen = answers.TryGetValue(key, out var so) && so.Length > 0 ? so.Split(',').ToList() : [];
        var min = (int)(step.Min ?? 1);
        var max = (int)(step.Max ?? step.Options.Length);
        var isDone = (input is UserChoice { Value: DoneValue }) || Fold(raw) == Fold(texts["multi.done"]);
        if (isDone)
        {
            return chosen.Count >= min
                ? MultiAccepted(step, chosen)
                : new Answer.Invalid(texts["invalid.multi"].Replace("{min}", min.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
        }
        var option = FindOption(step.Options, input, raw);
        if (option is null)
            return new Answer.Invalid(texts["invalid.choice"]);
        if (chosen.Contains(option.Value))
            chosen.Remove(option.Value);
        else
            chosen.Add(option.Value);
        if (chosen.Count >= max)
            return MultiAccepted(step, chosen);
        var labels = string.Join(", ", step.Options.Where(o => chosen.Contains(o.Value)).Select(o => o.Label));
        return new Answer.Partial(
            ImmutableDictionary<string, string>.Empty.Add(key, string.Join(',', chosen)),
            new Reply(texts["multi.selected"].Replace("{selected}", labels, StringComparison.Ordinal)));
    }

    private static Answer.Accepted MultiAccepted(Step step, List<string> chosen)
    {
        var labels = string.Join(", ", step.Options.Where(o => chosen.Contains(o.Value)).Select(o => o.Label));
        return Accept(step.AnswerKey, string.Join(',', chosen), labels);
    }

    private static Answer ReadLikert(Step step, string raw, EngineTexts texts)
    {
        var trimmed = raw.Trim();
        var folded = Fold(trimmed);
        var isNumber = int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var number);
        for (var i = 0; i < step.Scale.Length; i++)
        {
            if (isNumber ? number == i + 1 : folded.Length > 0 && folded == Fold(step.Scale[i]))
                return Accept(step.AnswerKey, (i + 1).ToString(CultureInfo.InvariantCulture), step.Scale[i]);
        }
        if (step.NotObservedLabel is not null && (isNumber ? number == 0 : folded.Length > 0 && folded == Fold(step.NotObservedLabel)))
            return Accept(step.AnswerKey, "0", step.NotObservedLabel);
        return new Answer.Invalid(texts["invalid.likert"].Replace("{max}", step.Scale.Length.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
    }

    private static Answer ReadText(Step step, string raw, EngineTexts texts)
    {
        var text = raw.Trim();
        if (text.Length == 0)
            return new Answer.Invalid(texts["invalid.empty"]);
        if (text.Length > step.MaxLength)
            return new Answer.Invalid(texts["invalid.too_long"].Replace("{max}", step.MaxLength.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
        // Emoji or punctuation alone says nothing we could store.
        if (!text.Any(char.IsLetterOrDigit))
            return new Answer.Invalid(step.Hint ?? texts["invalid.text"]);
        if (step.Pattern is { } pattern && !IsMatch(pattern, text))
            return new Answer.Invalid(step.Hint ?? texts["invalid.text"]);
        return Accept(step.AnswerKey, text);
    }

    private static bool IsMatch(System.Text.RegularExpressions.Regex pattern, string text)
    {
        try
        {
            return pattern.IsMatch(text);
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static Answer ReadNumber(Step step, string raw, EngineTexts texts)
    {
        var text = raw.Trim();
        var hint = step.Hint ?? texts["invalid.number"]
            .Replace("{min}", Format(step.Min), StringComparison.Ordinal)
            .Replace("{max}", Format(step.Max), StringComparison.Ordinal);
        // Indonesians write a decimal comma ("3,5"); thousands separators are not expected in answers.
        if (text.Length > 30 || !decimal.TryParse(text.Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            return new Answer.Invalid(hint);
        if (value < step.Min || value > step.Max)
            return new Answer.Invalid(hint);
        return Accept(step.AnswerKey, value.ToString(CultureInfo.InvariantCulture));
    }

    private static string Format(decimal? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? "";

    private static Answer ReadNip(string key, string raw, EngineTexts texts, DateTimeOffset now)
    {
        if (raw.Length > 60)
            return new Answer.Invalid(texts["invalid.nip.WrongLength"]);
        var today = DateOnly.FromDateTime(now.ToOffset(IndonesianTimeZone.WIT.Offset()).DateTime);
        var problem = Nip.TryParse(raw, today, out var nip);
        return problem == NipProblem.None
            ? Accept(key, nip!.Value)
            : new Answer.Invalid(texts[$"invalid.nip.{problem}"]);
    }

    private static Answer ReadDate(Step step, string raw, EngineTexts texts, DateTimeOffset now)
    {
        var text = raw.Trim();
        if (text.Length > 30 || !DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return new Answer.Invalid(step.Hint ?? texts["invalid.date"]);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (Bound(step.MinDate, today) is { } min && date < min || Bound(step.MaxDate, today) is { } max && date > max)
            return new Answer.Invalid(step.Hint ?? texts["invalid.date_range"]);
        return Accept(step.AnswerKey, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), date.ToString("d MMMM yyyy", Indonesian));
    }

    private static DateOnly? Bound(string? bound, DateOnly today) => bound switch
    {
        null => null,
        "today" => today,
        _ => DateOnly.ParseExact(bound, "yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    /// <summary>A button press carries the value; typed text may be the label, the value or the option's number.</summary>
    private static Option? FindOption(IReadOnlyList<Option> options, TurnInput input, string raw)
    {
        if (input is UserChoice choice)
            return options.FirstOrDefault(o => o.Value == choice.Value);
        var folded = Fold(raw);
        if (folded.Length == 0)
            return null;
        if (int.TryParse(folded, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= options.Count)
            return options[number - 1];
        return options.FirstOrDefault(o => Fold(o.Label) == folded) ?? options.FirstOrDefault(o => Fold(o.Value) == folded);
    }

    /// <summary>Case, spacing, emoji and punctuation do not matter when matching a typed label.</summary>
    internal static string Fold(string text) =>
        text.Length > 200 ? string.Empty : new string(text.ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray());

    private static Answer.Accepted Accept(string key, string value, string? label = null, string? next = null, string? returnTo = null)
    {
        var set = ImmutableDictionary<string, string>.Empty.Add(key, value);
        if (label is not null)
            set = set.Add(key + ":label", label);
        return new Answer.Accepted(set, [], next, returnTo);
    }
}
