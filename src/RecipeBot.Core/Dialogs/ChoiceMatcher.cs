using System.Collections.Frozen;
using System.Globalization;
using RecipeBot.Core.Engine;
using RecipeBot.Core.Flow;

namespace RecipeBot.Core.Dialogs;

/// <summary>
/// The button a typed text means, the same way everywhere: its id (a pressed button), its number in the list ("2",
/// "2.") or its label in any language, folded for case, spacing, punctuation and diacritics by <see cref="TextNormalizer"/>.
/// </summary>
public sealed class ChoiceMatcher<T>
    where T : class
{
    private readonly IReadOnlyList<T> _choices;
    private readonly FrozenDictionary<string, T> _byId;
    private readonly FrozenDictionary<string, T> _byLabel;

    /// <param name="labels">Every label of every choice, in every language; the first choice with a label wins.</param>
    public ChoiceMatcher(IReadOnlyList<T> choices, Func<T, string> id, IEnumerable<(string Label, T Choice)> labels)
    {
        _choices = choices;
        _byId = choices.DistinctBy(id).ToFrozenDictionary(id, StringComparer.Ordinal);
        var byLabel = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var (label, choice) in labels)
        {
            byLabel.TryAdd(TextNormalizer.Normalize(label), choice);
        }

        _byLabel = byLabel.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The choice <paramref name="text"/> means; null when none. <paramref name="byNumber"/> false when a number means something else (a time).</summary>
    public T? Match(string text, bool byNumber = true)
    {
        var trimmed = text.AsSpan().Trim();
        if (_byId.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(trimmed, out var byId))
        {
            return byId;
        }

        if (byNumber && ChoiceMatcher.Number(trimmed, _choices.Count) is { } n)
        {
            return _choices[n];
        }

        return _byLabel.Count > 0 && _byLabel.TryGetValue(TextNormalizer.Normalize(text), out var byLabel) ? byLabel : null;
    }
}

/// <summary>Matching a typed text against the buttons of one reply, built for the turn.</summary>
public static class ChoiceMatcher
{
    public static ChoiceView? Match(string text, IReadOnlyList<ChoiceView> choices, bool byNumber = true)
    {
        var trimmed = text.AsSpan().Trim();
        foreach (var choice in choices)
        {
            if (trimmed.SequenceEqual(choice.Id))
            {
                return choice;
            }
        }

        if (byNumber && Number(trimmed, choices.Count) is { } n)
        {
            return choices[n];
        }

        var folded = TextNormalizer.Normalize(text);
        if (folded.Length == 0)
        {
            return null;
        }

        foreach (var choice in choices)
        {
            if (TextNormalizer.Normalize(choice.Label) == folded)
            {
                return choice;
            }
        }

        return null;
    }

    /// <summary>The zero-based index a typed "2" or "2." names in a list of <paramref name="count"/>; null otherwise.</summary>
    internal static int? Number(ReadOnlySpan<char> text, int count) =>
        int.TryParse(text.TrimEnd('.'), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= count ? n - 1 : null;
}
