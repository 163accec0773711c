using System.Text.Json;
using System.Text.Json.Serialization;
using RecipeBot.Core.Engine;

namespace RecipeBot.Channels.Terminal;

/// <summary>
/// The terminal conversation as JSON lines, for scripts and tests. Each input line is
/// <c>{"text": "...", "chat": "...", "user": "...", "lang": "..."}</c> (only <c>text</c> is required);
/// each reply is one line. A bad line gets an <c>error</c> line and the chat goes on.
/// </summary>
public sealed class JsonLinesChat(RecipeEngine engine, TerminalOptions options)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public async Task RunAsync(TextReader input, TextWriter output, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested && await input.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var reply = await HandleLineAsync(line, cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync(reply).ConfigureAwait(false);
            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<string> HandleLineAsync(string line, CancellationToken cancellationToken)
    {
        JsonLineInput? input;
        try
        {
            input = JsonSerializer.Deserialize<JsonLineInput>(line, Json);
        }
        catch (JsonException e)
        {
            return Error($"not a JSON object: {e.Message}");
        }

        if (input?.Text is null)
        {
            return Error("""each line must be a JSON object with a "text" field, e.g. {"text": "/start"}""");
        }

        var chat = string.IsNullOrWhiteSpace(input.Chat) ? options.DefaultChat : input.Chat;
        var reply = await engine.HandleAsync(
            new IncomingMessage($"terminal:{chat}", input.Text, input.User, input.Lang), cancellationToken).ConfigureAwait(false);
        return JsonSerializer.Serialize(
            new JsonLineOutput(chat, reply.Text, reply.Choices, reply.Recipes, reply.State, reply.Language), Json);
    }

    private static string Error(string message) => JsonSerializer.Serialize(new { error = message }, Json);

    private sealed record JsonLineInput(string? Text, string? Chat, string? User, string? Lang);

    private sealed record JsonLineOutput(
        string Chat,
        string Text,
        IReadOnlyList<ChoiceView> Choices,
        IReadOnlyList<string> Recipes,
        string State,
        string Language);
}
