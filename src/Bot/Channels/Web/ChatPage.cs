using System.Reflection;

namespace AsnBot.Channels.Web;

/// <summary>
/// The /chat page ships inside the assembly, so it is there however the bot is started
/// (dotnet run from the repository, a published folder, a test host).
/// </summary>
public static class ChatPage
{
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.Ordinal)
    {
        ["index.html"] = "text/html; charset=utf-8",
        ["chat.css"] = "text/css; charset=utf-8",
        ["chat.js"] = "text/javascript; charset=utf-8",
    };

    public static IEndpointRouteBuilder MapChatPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/chat", () => File("index.html"));
        app.MapGet("/chat/{file}", (string file) => ContentTypes.ContainsKey(file) ? File(file) : Results.NotFound());
        return app;
    }

    private static IResult File(string name)
    {
        var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"AsnBot.Channels.Web.Page.{name}");
        return stream is null ? Results.NotFound() : Results.Stream(stream, ContentTypes[name]);
    }
}
