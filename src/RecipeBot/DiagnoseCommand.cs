using System.Globalization;
using System.Text.Json;
using RecipeBot.Core.Diagnosis;
using RecipeBot.Core.Loading;

namespace RecipeBot;

/// <summary>
/// <c>diagnose --jsonl</c>: what the bot makes of phrases, for the content team.
/// <c>diagnose --evaluate</c>: cross-validation and the evaluation set, as a Markdown report.
/// </summary>
internal static class DiagnoseCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static async Task<int> RunAsync(string[] options, string contentPath)
    {
        var directory = ContentPaths.Resolve(contentPath);
        var content = ContentLoader.LoadValid(directory);
        if (options.Contains("--evaluate"))
        {
            Console.Out.Write(IntentReport.Build(directory, content));
            return 0;
        }

        if (!options.Contains("--jsonl"))
        {
            throw new UsageException("diagnose needs --jsonl (phrases in, diagnoses out) or --evaluate (accuracy report).");
        }

        var diagnoser = IntentDiagnoser.FromContent(directory, content, out _);
        while (await Console.In.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            string? text;
            try
            {
                text = JsonDocument.Parse(line).RootElement.TryGetProperty("text", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            }
            catch (JsonException e)
            {
                await Console.Out.WriteLineAsync(JsonSerializer.Serialize(new { error = $"not a JSON object: {e.Message}" }, Json)).ConfigureAwait(false);
                continue;
            }

            if (text is null)
            {
                await Console.Out.WriteLineAsync(JsonSerializer.Serialize(new { error = """each line must be a JSON object with a "text" field""" }, Json)).ConfigureAwait(false);
                continue;
            }

            var d = diagnoser.Diagnose(text);
            await Console.Out.WriteLineAsync(JsonSerializer.Serialize(
                new
                {
                    text,
                    intent = d.Intent,
                    confidence = Math.Round(d.Confidence, 4),
                    alternatives = d.Alternatives.Select(a => new { intent = a.Intent, confidence = Math.Round(a.Confidence, 4) }),
                    language = d.Language,
                },
                Json)).ConfigureAwait(false);
        }

        return 0;
    }
}
