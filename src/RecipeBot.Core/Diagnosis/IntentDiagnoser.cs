namespace RecipeBot.Core.Diagnosis;

/// <summary>
/// The trained recogniser: one model over the examples of every language (people mix them),
/// another that tells the language, and the thresholds chosen by cross-validation.
/// </summary>
public sealed class IntentDiagnoser
{
    private readonly SoftmaxClassifier _intents;
    private readonly SoftmaxClassifier _languages;

    private readonly float[] _idf;

    private IntentDiagnoser(float[] idf, SoftmaxClassifier intents, SoftmaxClassifier languages, DiagnosisThresholds thresholds)
    {
        _idf = idf;
        _intents = intents;
        _languages = languages;
        Thresholds = thresholds;
    }

    public DiagnosisThresholds Thresholds { get; }

    public IReadOnlyList<string> IntentLabels => _intents.Labels;

    /// <summary>Trains on <paramref name="examples"/>; with <paramref name="thresholds"/> null they are found by cross-validation.</summary>
    public static IntentDiagnoser Train(IReadOnlyList<IntentExample> examples, IReadOnlyList<string> intents, DiagnosisThresholds? thresholds = null)
    {
        var idf = TextFeatures.InverseDocumentFrequency(examples.Select(e => e.Text));
        var features = examples.Select(e => TextFeatures.Extract(e.Text, idf)).ToArray();
        var languages = examples.Select(e => e.Language).Distinct().Order(StringComparer.Ordinal).ToArray();
        var intentModel = SoftmaxClassifier.Train(Labelled(features, examples, e => e.Intent, intents), intents);
        var languageModel = SoftmaxClassifier.Train(Labelled(features, examples, e => e.Language, languages), languages, epochs: 8);
        thresholds ??= IntentEvaluation.ChooseThresholds(IntentEvaluation.CrossValidate(examples, intents, folds: 5));
        return new IntentDiagnoser(idf, intentModel, languageModel, thresholds);
    }

    /// <summary>
    /// Trains on the training examples of <c>intents/</c> in <paramref name="contentDirectory"/>, or
    /// loads the model trained on exactly these examples from <paramref name="cachePath"/>.
    /// </summary>
    public static IntentDiagnoser FromContent(string contentDirectory, Content.ContentSet content, out TimeSpan elapsed, string? cachePath = null)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var problems = new List<Loading.ContentProblem>();
        var examples = IntentExampleLoader.Load(contentDirectory, content, IntentExampleLoader.Folder, problems);
        if (problems.Count > 0)
        {
            throw new Loading.ContentException(problems);
        }

        var intents = Intents.All(content);
        var key = IntentModelCache.Key(examples, intents);
        var diagnoser = (cachePath is null ? null : IntentModelCache.TryRead(cachePath, key, Read))
            ?? Train(examples, intents);
        if (cachePath is not null)
        {
            IntentModelCache.Write(cachePath, key, diagnoser.Write);
        }

        elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started);
        return diagnoser;
    }

    private void Write(BinaryWriter writer)
    {
        writer.Write(Thresholds.Accept);
        writer.Write(Thresholds.Clarify);
        writer.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(_idf.AsSpan()));
        _intents.Write(writer);
        _languages.Write(writer);
    }

    private static IntentDiagnoser Read(BinaryReader reader)
    {
        var thresholds = new DiagnosisThresholds(reader.ReadSingle(), reader.ReadSingle());
        var idf = new float[TextFeatures.Dimensions];
        reader.BaseStream.ReadExactly(System.Runtime.InteropServices.MemoryMarshal.AsBytes(idf.AsSpan()));
        return new IntentDiagnoser(idf, SoftmaxClassifier.Read(reader), SoftmaxClassifier.Read(reader), thresholds);
    }

    public Diagnosis Diagnose(string text)
    {
        var features = TextFeatures.Extract(text, _idf);
        var scores = _intents.Predict(features);
        var ranked = new IntentScore[scores.Length];
        for (var i = 0; i < scores.Length; i++)
        {
            ranked[i] = new IntentScore(_intents.Labels[i], scores[i]);
        }

        Array.Sort(ranked, (a, b) => b.Confidence.CompareTo(a.Confidence));
        var languageScores = _languages.Predict(features);
        var language = _languages.Labels[Array.IndexOf(languageScores, languageScores.Max())];
        return new Diagnosis(ranked[0].Intent, ranked[0].Confidence, ranked[1..Math.Min(4, ranked.Length)], language);
    }

    internal static List<(SparseVector, int)> Labelled(SparseVector[] features, IReadOnlyList<IntentExample> examples, Func<IntentExample, string> label, IReadOnlyList<string> labels)
    {
        var list = new List<(SparseVector, int)>(examples.Count);
        for (var i = 0; i < examples.Count; i++)
        {
            var index = IndexOf(labels, label(examples[i]));
            if (index >= 0)
            {
                list.Add((features[i], index));
            }
        }

        return list;
    }

    private static int IndexOf(IReadOnlyList<string> labels, string label)
    {
        for (var i = 0; i < labels.Count; i++)
        {
            if (labels[i] == label)
            {
                return i;
            }
        }

        return -1;
    }
}
