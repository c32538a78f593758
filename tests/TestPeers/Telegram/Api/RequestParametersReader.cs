using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace AsnBot.TestPeers.Telegram;

/// <summary>
/// Collects a call's parameters from the query string, a JSON body, or a form/multipart body,
/// the three ways the Bot API accepts them. Later sources win over the query string.
/// </summary>
internal static class RequestParametersReader
{
    public static async Task<RequestParameters> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var (name, value) in request.Query)
        {
            values[name] = JsonSerializer.SerializeToElement(value.ToString());
        }

        if (request.HasJsonContentType())
        {
            await ReadJsonBodyAsync(request, values, cancellationToken).ConfigureAwait(false);
        }
        else if (request.HasFormContentType)
        {
            await ReadFormBodyAsync(request, values, cancellationToken).ConfigureAwait(false);
        }

        return new RequestParameters(values);
    }

    private static async Task ReadJsonBodyAsync(
        HttpRequest request, Dictionary<string, JsonElement> values, CancellationToken cancellationToken)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            throw BotApiErrors.Reject("can't parse JSON encoded request");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw BotApiErrors.Reject("can't parse JSON encoded request");
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                values[property.Name] = property.Value.Clone();
            }
        }
    }

    private static async Task ReadFormBodyAsync(
        HttpRequest request, Dictionary<string, JsonElement> values, CancellationToken cancellationToken)
    {
        var form = await request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
        foreach (var (name, value) in form)
        {
            values[name] = JsonSerializer.SerializeToElement(value.ToString());
        }

        // Uploaded files are recorded by name and size only; the fake does not keep their bytes.
        foreach (var file in form.Files)
        {
            values[file.Name] = JsonSerializer.SerializeToElement($"<file {file.FileName}, {file.Length} bytes>");
        }
    }
}
