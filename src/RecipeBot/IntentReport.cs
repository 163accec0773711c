using System.Globalization;
using System.Text;
using RecipeBot.Core.Content;
using RecipeBot.Core.Diagnosis;
using RecipeBot.Core.Loading;

namespace RecipeBot;

/// <summary>The recognition report of <c>diagnose --evaluate</c>, in Markdown.</summary>
internal static class IntentReport
{
    public static string Build(string directory, ContentSet content)
    {
        var problems = new List<ContentProblem>();
        var training = IntentExampleLoader.Load(directory, content, IntentExampleLoader.Folder, problems);
        var evaluation = IntentExampleLoader.Load(directory, content, IntentExampleLoader.EvaluationFolder, problems);
        var intents = Intents.All(content);

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var model = IntentDiagnoser.Train(training, intents);
        var trainingTime = System.Diagnostics.Stopwatch.GetElapsedTime(started);
        var crossValidated = IntentEvaluation.CrossValidate(training, intents, folds: 5);
        var evaluated = IntentEvaluation.Evaluate(model, evaluation);

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"Training examples: {training.Count}; evaluation phrases: {evaluation.Count}; training with threshold selection: {trainingTime.TotalMilliseconds:F0} ms.");
        report.AppendLine(CultureInfo.InvariantCulture, $"Thresholds (from 5-fold cross-validation): act at ≥ {model.Thresholds.Accept:F2}, ask \"A or B?\" from {model.Thresholds.Clarify:F2}.");
        report.AppendLine();
        report.AppendLine("| language | 5-fold CV top-1 | evaluation top-1 | evaluation top-2 | acted on | asked | acted on and right |");
        report.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var language in content.Flow.Languages.Append("all"))
        {
            var cv = crossValidated.Where(o => language == "all" || o.Example.Language == language).ToList();
            var ev = evaluated.Where(o => language == "all" || o.Example.Language == language).ToList();
            var acted = ev.Where(o => o.Diagnosis.Confidence >= model.Thresholds.Accept).ToList();
            var asked = ev.Count(o => o.Diagnosis.Confidence < model.Thresholds.Accept && o.Diagnosis.Confidence >= model.Thresholds.Clarify && o.Diagnosis.Intent != Intents.None);
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| {language} | {Percent(IntentEvaluation.Accuracy(cv))} | {Percent(IntentEvaluation.Accuracy(ev))} | {Percent(ev.Count == 0 ? 0 : (double)ev.Count(o => o.InTopTwo) / ev.Count)} | {Percent(Share(acted.Count, ev.Count))} | {Percent(Share(asked, ev.Count))} | {Percent(IntentEvaluation.Accuracy(acted))} |");
        }

        report.AppendLine();
        report.AppendLine("| intent | 5-fold CV top-1 | evaluation top-1 |");
        report.AppendLine("|---|---:|---:|");
        foreach (var intent in intents)
        {
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| `{intent}` | {Percent(IntentEvaluation.Accuracy(crossValidated.Where(o => o.Example.Intent == intent)))} | {Percent(IntentEvaluation.Accuracy(evaluated.Where(o => o.Example.Intent == intent)))} |");
        }

        return report.ToString();
    }

    private static double Share(int part, int whole) => whole == 0 ? 0 : (double)part / whole;

    private static string Percent(double value) => (value * 100).ToString("F1", CultureInfo.InvariantCulture) + " %";
}
