using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace RecipeBot.Scheduling;

/// <summary>
/// The user's text while it is being understood: every recognised phrase is blanked out of the
/// folded copy, so later patterns cannot reuse it and what is left over is title, place or noise.
/// </summary>
internal sealed class ScheduleText(string original)
{
    private readonly char[] _work = TextFolding.Fold(original).ToCharArray();
    private readonly bool[] _taken = new bool[original.Length];
    private readonly bool[] _decoration = Decorations(original);

    public string Original { get; } = original;

    public Match? Take(Regex pattern)
    {
        var match = pattern.Match(new string(_work));
        if (!match.Success)
        {
            return null;
        }

        for (var i = match.Index; i < match.Index + match.Length; i++)
        {
            _work[i] = ' ';
            _taken[i] = true;
        }

        return match;
    }

    /// <summary>Runs of text no pattern took, trimmed of punctuation and of filler words at either end.</summary>
    public IReadOnlyList<Leftover> Leftovers(IReadOnlySet<string> fillers)
    {
        var leftovers = new List<Leftover>();
        var start = 0;
        while (start < _work.Length)
        {
            if (_taken[start])
            {
                start++;
                continue;
            }

            var end = start;
            while (end < _work.Length && !_taken[end])
            {
                end++;
            }

            // Place markers ("in", "в") are also fillers, so the place is looked for before they are trimmed.
            if (Trim(start, end, fillers) is { } words && Trim(start, end, NoFillers) is { } phrase)
            {
                leftovers.Add(new Leftover(Slice(words), Slice(phrase), start == 0));
            }

            start = end;
        }

        return leftovers;
    }

    private static readonly IReadOnlySet<string> NoFillers = new HashSet<string>();

    private Phrase Slice((int Start, int End) range) =>
        new(new string(_work, range.Start, range.End - range.Start), Original[range.Start..range.End]);

    private (int Start, int End)? Trim(int start, int end, IReadOnlySet<string> fillers)
    {
        var changed = true;
        while (changed && start < end)
        {
            changed = false;
            while (start < end && IsSeparator(start))
            {
                start++;
            }

            while (end > start && IsSeparator(end - 1))
            {
                end--;
            }

            var first = start;
            while (first < end && !char.IsWhiteSpace(_work[first]))
            {
                first++;
            }

            if (start < end && fillers.Contains(new string(_work, start, first - start)))
            {
                start = first;
                changed = true;
                continue;
            }

            var last = end;
            while (last > start && !char.IsWhiteSpace(_work[last - 1]))
            {
                last--;
            }

            if (start < end && fillers.Contains(new string(_work, last, end - last)))
            {
                end = last;
                changed = true;
            }
        }

        return start < end ? (start, end) : null;
    }

    private bool IsSeparator(int index) =>
        _decoration[index] || _work[index] is var c && (char.IsWhiteSpace(c) || c is ',' or '.' or ':' or ';' or '-' or '!' or '?' or '"' or '(' or ')');

    /// <summary>
    /// Emoji, flags, symbols, joiners and direction marks — and the halves of a broken surrogate pair — are
    /// punctuation here: "every Monday at 10 🙂" is a schedule, not a schedule followed by words we do not know.
    /// </summary>
    private static bool[] Decorations(string text)
    {
        var decoration = new bool[text.Length];
        var index = 0;
        while (index < text.Length)
        {
            var status = Rune.DecodeFromUtf16(text.AsSpan(index), out var rune, out var consumed);
            var isDecoration = status != OperationStatus.Done
                || Rune.GetUnicodeCategory(rune) is UnicodeCategory.OtherSymbol or UnicodeCategory.ModifierSymbol or UnicodeCategory.Format
                    or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned
                || rune.Value is >= 0xFE00 and <= 0xFE0F or >= 0x1F3FB and <= 0x1F3FF;
            for (var i = index; i < index + consumed; i++)
            {
                decoration[i] = isDecoration;
            }

            index += consumed;
        }

        return decoration;
    }

    /// <summary>Leftover text: <see cref="Words"/> without fillers, <see cref="WithMarkers"/> with them.</summary>
    internal sealed record Leftover(Phrase Words, Phrase WithMarkers, bool AtStart);

    /// <summary><see cref="Folded"/> for matching, <see cref="Text"/> as the user typed it.</summary>
    internal sealed record Phrase(string Folded, string Text);
}
