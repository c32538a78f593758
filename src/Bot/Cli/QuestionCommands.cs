using System.CommandLine;
using System.Globalization;
using AsnBot.Knowledge.Answers;
using AsnBot.Knowledge.Persistence;
using AsnBot.Knowledge.Questions;
using AsnBot.Questions;

namespace AsnBot.Cli;

/// <summary><c>ask</c> (a question answered as the chat would) and <c>questions list|answer</c> (the coordinators' hand-off desk).</summary>
public static class QuestionCommands
{
    public static readonly string[] Names = ["ask", "questions"];

    public static void AddTo(RootCommand root)
    {
        ArgumentNullException.ThrowIfNull(root);
        root.Subcommands.Add(AskCommand());
        root.Subcommands.Add(QuestionsCommand());
    }

    private static Command AskCommand()
    {
        var text = new Option<string>("--text") { Description = "The question, as a person would type it.", Required = true };
        var json = new Option<bool>("--json") { Description = "Print only {\"answer\",\"sources\",\"route\"} as JSON on standard output." };
        var command = new Command("ask", "Answer a question: a menu feature, the knowledge base, the catalog, or a hand-off.") { text, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = await CatalogCommands.StartToolHostAsync(cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var ask = scope.ServiceProvider.GetRequiredService<AskService>();
            var answer = await ask.AskAsync(scope.ServiceProvider.GetRequiredService<AsnBotDbContext>(), parse.GetValue(text)!, null, routeFeatures: true, cancellationToken);
            if (parse.GetValue(json))
            {
                await Console.Out.WriteLineAsync(QuestionJson.Serialize(answer));
                return 0;
            }
            await Console.Out.WriteLineAsync(answer.Answer);
            await Console.Out.WriteLineAsync($"[{answer.RouteName}] {string.Join(", ", answer.Sources)}");
            return 0;
        });
        return command;
    }

    private static Command QuestionsCommand()
    {
        var json = new Option<bool>("--json") { Description = "Print only JSON on standard output." };
        var list = new Command("list", "The questions passed to coordinators and not answered yet, oldest first.") { json };
        list.SetAction(async (parse, cancellationToken) =>
        {
            using var host = await CatalogCommands.StartToolHostAsync(cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var open = await scope.ServiceProvider.GetRequiredService<QuestionDesk>().ListOpenAsync(cancellationToken);
            if (parse.GetValue(json))
            {
                await Console.Out.WriteLineAsync(System.Text.Json.JsonSerializer.Serialize(QuestionJson.From(open), QuestionJson.Options));
                return 0;
            }
            if (open.Count == 0)
                await Console.Out.WriteLineAsync("No open questions.");
            foreach (var question in open)
                await Console.Out.WriteLineAsync($"#{question.Id.ToString(CultureInfo.InvariantCulture)}  {question.AskedAt:yyyy-MM-dd HH:mm}  {question.PersonName} ({question.Agency}): {question.Text}");
            return 0;
        });

        var id = new Argument<long>("id") { Description = "The question's number, as listed." };
        var text = new Option<string>("--text") { Description = "The answer the person receives.", Required = true };
        var by = new Option<string>("--by") { Description = "Who answers, for the person's processing history.", DefaultValueFactory = _ => "Pengelola" };
        var answer = new Command("answer", "Answer an open question; the answer reaches the person through the outbox.") { id, text, by };
        answer.SetAction(async (parse, cancellationToken) =>
        {
            using var host = await CatalogCommands.StartToolHostAsync(cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var number = parse.GetValue(id);
            var outcome = await scope.ServiceProvider.GetRequiredService<QuestionDesk>().AnswerAsync(number, parse.GetValue(text)!, parse.GetValue(by)!, cancellationToken);
            var (message, code) = outcome switch
            {
                AnswerOutcome.Answered => ($"Question {number} answered; the answer is in the outbox.", 0),
                AnswerOutcome.NotFound => ($"There is no question {number}.", 2),
                AnswerOutcome.AlreadyAnswered => ($"Question {number} is already answered.", 1),
                _ => ("The answer is empty.", 2),
            };
            await (code == 0 ? Console.Out : Console.Error).WriteLineAsync(message);
            return code;
        });
        return new Command("questions", "The coordinators' hand-off desk.") { list, answer };
    }
}
