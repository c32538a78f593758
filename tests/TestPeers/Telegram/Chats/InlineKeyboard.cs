using System.Text.Json;

namespace AsnBot.TestPeers.Telegram;

/// <summary>An inline keyboard attached to a bot message, row by row.</summary>
public sealed class InlineKeyboard
{
    internal InlineKeyboard(IReadOnlyList<IReadOnlyList<InlineButton>> rows) => Rows = rows;

    public IReadOnlyList<IReadOnlyList<InlineButton>> Rows { get; }

    public IEnumerable<InlineButton> Buttons => Rows.SelectMany(row => row);

    public InlineButton? FindByText(string text) =>
        Buttons.FirstOrDefault(button => string.Equals(button.Text, text, StringComparison.Ordinal));

    public InlineButton? FindByCallbackData(string callbackData) =>
        Buttons.FirstOrDefault(button => string.Equals(button.CallbackData, callbackData, StringComparison.Ordinal));

    public override string ToString() =>
        string.Join(" / ", Rows.Select(row => string.Join(" | ", row.Select(button => $"[{button.Text}→{button.CallbackData ?? button.Url}]"))));

    /// <summary>Reads the already validated <c>inline_keyboard</c> array of a reply markup.</summary>
    internal static InlineKeyboard FromMarkup(JsonElement markup) => new(
        [.. markup.GetProperty("inline_keyboard").EnumerateArray().Select(row => (IReadOnlyList<InlineButton>)
            [.. row.EnumerateArray().Select(button => new InlineButton(
                button.GetProperty("text").GetString() ?? string.Empty,
                OptionalString(button, "callback_data"),
                OptionalString(button, "url")))])]);

    private static string? OptionalString(JsonElement button, string name) =>
        button.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
