using System.Text;
using System.Text.Json;

namespace AsnBot.TestPeers.Telegram;

/// <summary>Validates <c>reply_markup</c> like Telegram, notably the 1-64 byte limit on <c>callback_data</c>.</summary>
internal static class ReplyMarkupRules
{
    private const int MaxCallbackDataBytes = 64;

    /// <summary>Fields that give an inline button something to do; a button with none of them is refused.</summary>
    private static readonly string[] ButtonActions =
    [
        "url", "callback_data", "web_app", "login_url", "switch_inline_query", "switch_inline_query_current_chat",
        "switch_inline_query_chosen_chat", "copy_text", "callback_game", "pay",
    ];

    public static ReplyMarkup Read(RequestParameters parameters, bool inlineOnly)
    {
        if (parameters.GetJson("reply_markup") is not { } markup)
        {
            return ReplyMarkup.None;
        }

        if (markup.ValueKind != JsonValueKind.Object)
        {
            throw BotApiErrors.Reject("can't parse reply keyboard markup JSON object");
        }

        if (markup.TryGetProperty("inline_keyboard", out var keyboard))
        {
            ValidateInlineKeyboard(keyboard);
            return new ReplyMarkup(markup, null);
        }

        if (inlineOnly)
        {
            throw BotApiErrors.Reject("inline keyboard expected");
        }

        var known = markup.TryGetProperty("keyboard", out _)
            || markup.TryGetProperty("remove_keyboard", out _)
            || markup.TryGetProperty("force_reply", out _);
        return known ? new ReplyMarkup(null, markup.GetRawText()) : throw BotApiErrors.Reject("can't parse reply keyboard markup JSON object");
    }

    private static void ValidateInlineKeyboard(JsonElement keyboard)
    {
        if (keyboard.ValueKind != JsonValueKind.Array || keyboard.EnumerateArray().Any(row => row.ValueKind != JsonValueKind.Array))
        {
            throw BotApiErrors.Reject("field \"inline_keyboard\" of the InlineKeyboardMarkup must be an Array of Arrays");
        }

        foreach (var button in keyboard.EnumerateArray().SelectMany(row => row.EnumerateArray()))
        {
            ValidateButton(button);
        }
    }

    private static void ValidateButton(JsonElement button)
    {
        if (button.ValueKind != JsonValueKind.Object)
        {
            throw BotApiErrors.Reject("can't parse inline keyboard button: InlineKeyboardButton must be an Object");
        }

        if (!button.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String)
        {
            throw BotApiErrors.Reject("can't parse inline keyboard button: Text must be a String");
        }

        if (!ButtonActions.Any(action => button.TryGetProperty(action, out _)))
        {
            throw BotApiErrors.Reject("text buttons are unallowed in the inline keyboard");
        }

        if (button.TryGetProperty("callback_data", out var data)
            && (data.ValueKind != JsonValueKind.String || Encoding.UTF8.GetByteCount(data.GetString()!) is 0 or > MaxCallbackDataBytes))
        {
            throw BotApiErrors.Reject("BUTTON_DATA_INVALID");
        }

        if (button.TryGetProperty("url", out var url)
            && (url.ValueKind != JsonValueKind.String || !Uri.TryCreate(url.GetString(), UriKind.Absolute, out _)))
        {
            throw BotApiErrors.Reject("BUTTON_URL_INVALID");
        }
    }
}
