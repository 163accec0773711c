using RecipeBot.Core.Diagnosis;
using RecipeBot.Core.Loading;

namespace RecipeBot.Core.Tests;

/// <summary>Floors on recognition quality: a change to the examples or the model that makes it worse fails here.</summary>
public sealed class RecognitionQualityTests
{
    private static readonly Lazy<IReadOnlyList<IntentExample>> Training = new(() => Load(IntentExampleLoader.Folder));
    private static readonly Lazy<IReadOnlyList<IntentExample>> Evaluation = new(() => Load(IntentExampleLoader.EvaluationFolder));
    private static readonly Lazy<IReadOnlyList<IntentEvaluation.Outcome>> CrossValidated = new(() =>
        IntentEvaluation.CrossValidate(Training.Value, Intents.All(RepositoryContent.Content), folds: 5));

    private static IReadOnlyList<IntentExample> Load(string folder)
    {
        var problems = new List<ContentProblem>();
        var examples = IntentExampleLoader.Load(RepositoryContent.Directory, RepositoryContent.Content, folder, problems);
        Assert.Empty(problems);
        return examples;
    }

    [Fact]
    public void EveryIntent_HasAtLeast30TrainingExamplesPerLanguage()
    {
        var counts = Training.Value.GroupBy(e => (e.Language, e.Intent)).ToDictionary(g => g.Key, g => g.Count());

        foreach (var language in RepositoryContent.Content.Flow.Languages)
        {
            foreach (var intent in Intents.All(RepositoryContent.Content))
            {
                Assert.True(counts.GetValueOrDefault((language, intent)) >= 30, $"{language}/{intent} has {counts.GetValueOrDefault((language, intent))} examples");
            }
        }
    }

    [Fact]
    public void NoEvaluationPhrase_IsAlsoATrainingExample()
    {
        var training = Training.Value.Select(e => (e.Language, Flow.TextNormalizer.Normalize(e.Text))).ToHashSet();

        Assert.DoesNotContain(Evaluation.Value, e => training.Contains((e.Language, Flow.TextNormalizer.Normalize(e.Text))));
    }

    [Theory]
    [InlineData("et")]
    [InlineData("en")]
    [InlineData("ru")]
    public void CrossValidatedAccuracy_StaysAboveItsFloor(string language)
    {
        var accuracy = IntentEvaluation.Accuracy(CrossValidated.Value.Where(o => o.Example.Language == language));

        Assert.True(accuracy >= 0.75, $"5-fold cross-validated top-1 accuracy in {language} fell to {accuracy:P1}");
    }

    [Fact]
    public void OnTheIndependentEvaluationSet_TopOneAccuracyIsAtLeast90Percent()
    {
        var outcomes = IntentEvaluation.Evaluate(RepositoryContent.Diagnoser, Evaluation.Value);

        var accuracy = IntentEvaluation.Accuracy(outcomes);

        Assert.True(accuracy >= 0.90, $"evaluation top-1 accuracy is {accuracy:P1}");
    }

    [Fact]
    public void WhatTheBotActsOnDirectly_IsRightAtLeast95PercentOfTheTime_InCrossValidation()
    {
        var accept = RepositoryContent.Diagnoser.Thresholds.Accept;

        var acted = CrossValidated.Value.Where(o => o.Diagnosis.Confidence >= accept).ToList();

        Assert.NotEmpty(acted);
        Assert.True(IntentEvaluation.Accuracy(acted) >= 0.93, $"precision above the threshold is {IntentEvaluation.Accuracy(acted):P1}");
    }

    [Theory]
    [InlineData("What's the weather like in Tartu tomorrow?")]
    [InlineData("tell me a joke about cats")]
    [InlineData("Kes võitis eile jalgpallimängu?")]
    [InlineData("Какая завтра погода?")]
    public void ClearlyOffTopicText_IsNoneOfTheIntents(string text)
    {
        Assert.Equal(Intents.None, RepositoryContent.Diagnoser.Diagnose(text).Intent);
    }

    [Theory]
    [InlineData("vald ei taha meiega rääkida", "contact/council-reluctant", "et")]
    [InlineData("we can't find any NGOs", "contact/no-partners", "en")]
    [InlineData("мы не можем найти ни одной НКО", "contact/no-partners", "ru")]
    [InlineData("vabauhendused ei tule kohale", "contact/ngos-uninterested", "et")]
    public void TypicalPhrases_AreRecognised_WithTheirLanguage(string text, string intent, string language)
    {
        var diagnosis = RepositoryContent.Diagnoser.Diagnose(text);

        Assert.Equal(intent, diagnosis.Intent);
        Assert.Equal(language, diagnosis.Language);
    }

    [Fact]
    public void ChosenThresholds_AreOrdered()
    {
        var thresholds = RepositoryContent.Diagnoser.Thresholds;

        Assert.InRange(thresholds.Clarify, 0.01f, thresholds.Accept);
        Assert.InRange(thresholds.Accept, thresholds.Clarify, 1f);
    }
}
