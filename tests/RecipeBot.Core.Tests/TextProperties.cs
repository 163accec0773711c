using System.Globalization;
using FsCheck.Xunit;
using RecipeBot.Core.Flow;
using RecipeBot.Tests.Shared;

namespace RecipeBot.Core.Tests;

/// <summary>Arbitrary Unicode into the text entry points below the turn: folding, the classifier and choice matching.</summary>
public sealed class TextProperties
{
    [Property(Arbitrary = [typeof(AnyTextArbitrary)], MaxTest = 200)]
    public void TheNormalizer_FoldsAnyText_OnceAndForAll(AnyText text)
    {
        var folded = TextNormalizer.Normalize(text.Value);

        Assert.Equal(folded, TextNormalizer.Normalize(folded));
        Assert.Equal(folded.Trim(), folded);
        Assert.DoesNotContain("  ", folded, StringComparison.Ordinal);
        Assert.DoesNotContain(folded, c => CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark);
        Assert.DoesNotContain(folded, c => c is '\uFFFE' or '\uFFFF');
        Assert.True(IsWellFormed(folded), "the folded text has a broken surrogate pair");
    }

    [Property(Arbitrary = [typeof(AnyTextArbitrary)], MaxTest = 200)]
    public void TheClassifier_AnswersAnyText_WithAKnownIntentAndLanguage(AnyText text)
    {
        var diagnoser = RepositoryContent.Diagnoser;

        var diagnosis = diagnoser.Diagnose(text.Value);

        Assert.Contains(diagnosis.Intent, diagnoser.IntentLabels);
        Assert.Contains(diagnosis.Language, RepositoryContent.Content.Flow.Languages);
        Assert.InRange(diagnosis.Confidence, 0f, 1f);
        Assert.All(diagnosis.Alternatives, a => Assert.InRange(a.Confidence, 0f, diagnosis.Confidence));
    }

    [Property(Arbitrary = [typeof(AnyTextArbitrary)], MaxTest = 200)]
    public void EveryState_MatchesAnyText_ToOneOfItsChoicesOrNone(AnyText text)
    {
        foreach (var state in Flow.Value.States)
        {
            var choice = state.Match(text.Value);

            Assert.True(choice is null || state.Choices.Contains(choice), $"{state.Id} matched a choice it does not have");
        }
    }

    private static readonly Lazy<CompiledFlow> Flow = new(RepositoryContent.Compile);

    private static bool IsWellFormed(string text)
    {
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            if (System.Text.Rune.DecodeFromUtf16(rest, out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return false;
            }

            rest = rest[consumed..];
        }

        return true;
    }
}
