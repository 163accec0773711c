namespace RecipeBot.Core.Diagnosis;

/// <summary>
/// Measures recognition: stratified k-fold cross-validation over the training examples, and
/// scoring a separate evaluation set; chooses the thresholds from the out-of-fold predictions.
/// </summary>
public static class IntentEvaluation
{
    /// <summary>Of the messages the bot acts on directly, at least this share must be right.</summary>
    public const double TargetPrecision = 0.95;

    /// <summary>When it asks "A or B?", the right answer should be among the two this often.</summary>
    public const double TargetClarifyRecall = 0.8;

    /// <summary>One out-of-fold (or evaluation) prediction.</summary>
    public sealed record Outcome(IntentExample Example, Diagnosis Diagnosis)
    {
        public bool Correct => Diagnosis.Intent == Example.Intent;

        public bool InTopTwo => Correct || (Diagnosis.Alternatives.Count > 0 && Diagnosis.Alternatives[0].Intent == Example.Intent);
    }

    /// <summary>Stratified by language and intent: every fold gets its share of each.</summary>
    public static IReadOnlyList<Outcome> CrossValidate(IReadOnlyList<IntentExample> examples, IReadOnlyList<string> intents, int folds)
    {
        var fold = new int[examples.Count];
        // A fixed seed per group (not string.GetHashCode, which changes per process): the same examples give the same folds.
        var groups = Enumerable.Range(0, examples.Count)
            .GroupBy(i => (examples[i].Language, examples[i].Intent))
            .OrderBy(g => g.Key.Language, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Intent, StringComparer.Ordinal)
            .ToList();
        for (var g = 0; g < groups.Count; g++)
        {
            var members = groups[g].ToArray();
            new Random(1000 + g).Shuffle(members);
            for (var j = 0; j < members.Length; j++)
            {
                fold[members[j]] = j % folds;
            }
        }

        // Folds are independent: train them on all cores.
        var perFold = new Outcome[folds][];
        Parallel.For(0, folds, f =>
        {
            var training = examples.Where((_, i) => fold[i] != f).ToList();
            var model = IntentDiagnoser.Train(training, intents, new DiagnosisThresholds(0, 0));
            perFold[f] = [.. examples.Where((_, i) => fold[i] == f).Select(e => new Outcome(e, model.Diagnose(e.Text)))];
        });
        return [.. perFold.SelectMany(o => o)];
    }

    public static IReadOnlyList<Outcome> Evaluate(IntentDiagnoser model, IReadOnlyList<IntentExample> examples) =>
        [.. examples.Select(e => new Outcome(e, model.Diagnose(e.Text)))];

    /// <summary>
    /// Accept: the lowest confidence above which the direct answers reach <see cref="TargetPrecision"/>.
    /// Clarify: the lowest confidence above which, below Accept, the right intent is among the top two
    /// at least <see cref="TargetClarifyRecall"/> of the time.
    /// </summary>
    public static DiagnosisThresholds ChooseThresholds(IReadOnlyList<Outcome> outcomes)
    {
        var sorted = outcomes.OrderByDescending(o => o.Diagnosis.Confidence).ToArray();
        var accept = 1f;
        var correct = 0;
        for (var i = 0; i < sorted.Length; i++)
        {
            correct += sorted[i].Correct ? 1 : 0;
            if ((double)correct / (i + 1) >= TargetPrecision)
            {
                accept = sorted[i].Diagnosis.Confidence;
            }
        }

        var below = sorted.Where(o => o.Diagnosis.Confidence < accept).ToArray();
        var clarify = accept;
        var inTopTwo = 0;
        for (var i = 0; i < below.Length; i++)
        {
            inTopTwo += below[i].InTopTwo ? 1 : 0;
            if ((double)inTopTwo / (i + 1) >= TargetClarifyRecall)
            {
                clarify = below[i].Diagnosis.Confidence;
            }
        }

        return new DiagnosisThresholds(accept, Math.Min(clarify, accept));
    }

    public static double Accuracy(IEnumerable<Outcome> outcomes)
    {
        var list = outcomes.ToList();
        return list.Count == 0 ? 0 : (double)list.Count(o => o.Correct) / list.Count;
    }
}
