using RecipeBot.Core.Dialogs;
using RecipeBot.Core.Flow;
using RecipeBot.Core.Loading;

namespace RecipeBot;

/// <summary>
/// The command line: <c>run</c>, <c>chat</c>, <c>diagnose</c>, <c>validate</c>, <c>graph</c>. A wrong command line
/// exits 2 with the usage; a fault at start-up (a setting, the database, the content) exits 1 with one line on stderr.
/// </summary>
public static class Cli
{
    private const string Usage = """
        RecipeBot — a chat assistant for open, co-created local government.

        Usage: RecipeBot <command> [options]

          run                            run the bot on its configured channels (Telegram, Teams) with HTTP endpoints
          chat [--jsonl] [--chat <id>]   talk to the bot in the terminal (SQLite, no tokens needed);
                                         --jsonl: one JSON object per line in and out, for scripts
          diagnose --jsonl               phrases in ({"text": "..."} per line), intent and confidence out
          diagnose --evaluate            recognition accuracy: cross-validation and the evaluation set
          validate [--content <dir>]     check the content in dialogs/ and print every problem (exit 1 if any)
          graph [--content <dir>]        print each dialog's state machine (the menu flow first) as a Mermaid diagram

        Settings come from appsettings.json and environment variables (e.g. Storage__SqlitePath,
        Telegram__BotToken, Teams__AppId).
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var command = args.Length > 0 ? args[0] : "help";
        var options = args.Skip(1).ToArray();
        try
        {
            return command switch
            {
                "run" => await RunCommand.RunAsync(options).ConfigureAwait(false),
                "chat" => await ChatCommand.RunAsync(options).ConfigureAwait(false),
                "diagnose" => await DiagnoseCommand.RunAsync(options, ContentOption(options)).ConfigureAwait(false),
                "validate" => Validate(ContentOption(options)),
                "graph" => Graph(ContentOption(options)),
                "help" or "--help" or "-h" => PrintUsage(Console.Out, 0),
                _ => PrintUsage(Console.Error, 2, $"Unknown command '{command}'."),
            };
        }
        catch (UsageException e)
        {
            return PrintUsage(Console.Error, 2, e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A setting, the database or the content: one line that names it, never a stack trace.
            await Console.Error.WriteLineAsync("RecipeBot cannot start: " + FaultMessage.Describe(e)).ConfigureAwait(false);
            return 1;
        }
    }

    /// <summary>Runs <paramref name="host"/> to its end: exit code 0, or 1 with one line on stderr when a failing service stopped it.</summary>
    internal static async Task<int> RunToEndAsync(Microsoft.Extensions.Hosting.IHost host)
    {
        if (await HostRunner.RunAsync(host).ConfigureAwait(false) is not { } failure)
        {
            return 0;
        }

        await Console.Error.WriteLineAsync("RecipeBot stopped: " + FaultMessage.Describe(failure)).ConfigureAwait(false);
        return 1;
    }

    private static int Validate(string contentPath)
    {
        var path = ContentPaths.Resolve(contentPath);
        var result = ContentLoader.Load(path);
        foreach (var problem in result.Problems)
        {
            Console.Out.WriteLine(problem);
        }

        if (result.Problems.Count > 0 || result.Content is null)
        {
            Console.Out.WriteLine($"{result.Problems.Count} problem(s) in {path}");
            return 1;
        }

        var content = result.Content;
        Console.Out.WriteLine(
            $"OK: {content.Flow.States.Count} states, {content.Situations.Count} situations, {content.RecipesById.Count} recipes, "
            + $"{content.Methods.Count} method cards, {content.Texts.Count} texts in {string.Join(", ", content.Flow.Languages)} ({path})");
        return 0;
    }

    private static int Graph(string contentPath)
    {
        var result = ContentLoader.Load(ContentPaths.Resolve(contentPath));
        if (result.Problems.Count > 0 || result.Content is null)
        {
            Console.Error.WriteLine("The content has problems; run 'validate' first.");
            return 1;
        }

        foreach (var (dialog, mermaid) in DialogDiagrams.All(CompiledFlow.Compile(result.Content)))
        {
            Console.Out.WriteLine($"%% {dialog}");
            Console.Out.WriteLine(mermaid.TrimEnd());
            Console.Out.WriteLine();
        }

        return 0;
    }

    private static string ContentOption(string[] options) => OptionValue(options, "--content") ?? "dialogs";

    internal static string? OptionValue(string[] options, string name)
    {
        var index = Array.IndexOf(options, name);
        if (index < 0)
        {
            return null;
        }

        return index + 1 < options.Length ? options[index + 1] : throw new UsageException($"{name} needs a value.");
    }

    private static int PrintUsage(TextWriter writer, int exitCode, string? error = null)
    {
        if (error is not null)
        {
            writer.WriteLine(error);
            writer.WriteLine();
        }

        writer.WriteLine(Usage);
        return exitCode;
    }
}
