using Microsoft.Extensions.Logging.Abstractions;
using RecipeBot.Core.Outbox;
using RecipeBot.Core.Tests;

namespace RecipeBot.Channels.Terminal.Tests;

/// <summary>The terminal as the host wires it: the chat and its outbox sender writing to one <see cref="TerminalOutput"/>.</summary>
internal static class TerminalBed
{
    public static OutboxSender Outbox(EngineHarness bot, TerminalOutput output, TerminalOptions options) =>
        new((IOutboxStore)bot.Store, new TerminalChannelSender(output, options), new OutboxSignal(), bot.Time, NullLogger<OutboxSender>.Instance);

    public static JsonLinesChat JsonLines(EngineHarness bot, TerminalOutput output, TerminalOptions options) =>
        new(bot.Turns, Outbox(bot, output, options), options);

    public static InteractiveChat Interactive(EngineHarness bot, TerminalOutput output, TerminalOptions options) =>
        new(bot.Turns, Outbox(bot, output, options), options);

    /// <summary>Runs the JSON-lines chat on <paramref name="input"/> and returns what it wrote.</summary>
    public static async Task<string> RunJsonLinesAsync(EngineHarness bot, string input)
    {
        var writer = new StringWriter();
        using var output = new TerminalOutput(writer);
        var options = new TerminalOptions { JsonLines = true };
        await JsonLines(bot, output, options).RunAsync(new StringReader(input), output, CancellationToken.None);
        return writer.ToString();
    }

    /// <summary>Runs the interactive chat on <paramref name="input"/> and returns what it wrote.</summary>
    public static async Task<string> RunInteractiveAsync(EngineHarness bot, string input)
    {
        var writer = new StringWriter();
        using var output = new TerminalOutput(writer);
        var options = new TerminalOptions();
        await Interactive(bot, output, options).RunAsync(new StringReader(input), output, CancellationToken.None);
        return writer.ToString();
    }
}
