using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AsnBot.Conversations.Engine;

namespace AsnBot.Channels.Teams;

/// <summary>
/// A reply as a Teams message: the text, and for choices an Adaptive Card (1.5) with one
/// Action.Submit button per option. The text also lists the options numbered, for clients that
/// cannot show the card and because typing the number is an answer the engine understands.
/// </summary>
public static class TeamsMessageRendering
{
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    /// <summary>The key of an Action.Submit's data that carries the option value.</summary>
    public const string ChoiceKey = "choice";

    public static JsonObject ToActivity(Reply reply, string? replyToId)
    {
        var activity = new JsonObject
        {
            ["type"] = ActivityTypes.Message,
            ["text"] = reply.Choices.IsEmpty ? reply.Text : WithNumberedOptions(reply),
            ["textFormat"] = "plain",
        };
        if (replyToId is not null)
            activity["replyToId"] = replyToId;
        if (!reply.Choices.IsEmpty)
            activity["attachments"] = new JsonArray(new JsonObject { ["contentType"] = AdaptiveCardContentType, ["content"] = Card(reply) });
        return activity;
    }

    /// <summary>The option value of an Adaptive Card submit, if the activity is one.</summary>
    public static string? ChoiceOf(JsonElement? value) =>
        value is { ValueKind: JsonValueKind.Object } data && data.TryGetProperty(ChoiceKey, out var choice) && choice.ValueKind == JsonValueKind.String
            ? choice.GetString()
            : null;

    private static string WithNumberedOptions(Reply reply)
    {
        var text = new StringBuilder(reply.Text).Append('\n');
        for (var i = 0; i < reply.Choices.Count; i++)
            text.Append('\n').Append((i + 1).ToString(CultureInfo.InvariantCulture)).Append(". ").Append(reply.Choices[i].Label);
        return text.ToString();
    }

    /// <summary>
    /// One ActionSet per option keeps every option a visible button: Teams folds top-level
    /// actions beyond a handful into an overflow menu, and the main menu has more than that.
    /// </summary>
    private static JsonObject Card(Reply reply) => new()
    {
        ["type"] = "AdaptiveCard",
        ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
        ["version"] = "1.5",
        ["fallbackText"] = WithNumberedOptions(reply),
        ["body"] = new JsonArray([.. reply.Choices.Select(choice => (JsonNode)new JsonObject
        {
            ["type"] = "ActionSet",
            ["actions"] = new JsonArray(new JsonObject
            {
                ["type"] = "Action.Submit",
                ["title"] = choice.Label,
                ["data"] = new JsonObject { [ChoiceKey] = choice.Value },
            }),
        })]),
    };
}
