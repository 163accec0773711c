namespace RecipeBot.Channels.Telegram.Sending;

/// <summary>
/// Splits Telegram HTML into messages of at most <see cref="MaxLength"/> UTF-16 characters: at the last
/// paragraph break that fits, else the last line break, else the last space, else anywhere that is not inside
/// a tag, an entity or a surrogate pair. Tags open at a split are closed at the end of one part and reopened
/// at the start of the next, because Telegram refuses a message whose tags do not balance.
/// </summary>
public static class TelegramTextSplitter
{
    /// <summary>Telegram's limit for a message's text (after entity parsing, so this is conservative).</summary>
    public const int MaxLength = 4096;

    // Telegram knows only &lt; &gt; &amp; &quot; and numeric entities; anything longer is not an entity.
    private const int MaxEntityLength = 12;

    private static readonly string[] Separators = ["\n\n", "\n", " "];

    public static IReadOnlyList<string> Split(string html, int maxLength = MaxLength)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        var parts = new List<string>();
        var rest = html;
        while (rest.Length > maxLength)
        {
            var (part, next) = CutOnce(rest, maxLength);
            if (!string.IsNullOrWhiteSpace(part))
            {
                parts.Add(part);
            }

            rest = next;
        }

        if (parts.Count == 0 || !string.IsNullOrWhiteSpace(rest))
        {
            parts.Add(rest);
        }

        return parts;
    }

    private static (string Part, string Remainder) CutOnce(string text, int maxLength)
    {
        var budget = maxLength;
        while (true)
        {
            var (cut, skip) = FindCut(text, budget);
            var part = text[..cut];
            var rest = text[(cut + skip)..];
            var open = OpenTags(text, cut);
            if (open.Count == 0)
            {
                return (part, rest);
            }

            var closing = string.Concat(Enumerable.Reverse(open).Select(tag => "</" + tag.Name + ">"));
            var reopening = string.Concat(open.Select(tag => tag.Opening));
            if (part.Length + closing.Length <= maxLength && cut + skip > reopening.Length)
            {
                return (part + closing, reopening + rest);
            }

            // Too little room to balance (or no progress if we did): leave the tags as they are.
            budget = Math.Min(budget - 1, maxLength - closing.Length);
            if (budget < 1 || cut + skip <= reopening.Length)
            {
                return (part, rest);
            }
        }
    }

    /// <summary>Where the part ends, and how many separator characters to drop after it.</summary>
    private static (int Cut, int Skip) FindCut(string text, int budget)
    {
        foreach (var separator in Separators)
        {
            // The separator itself is dropped, so it may run past the budget.
            for (var index = Math.Min(budget, text.Length - separator.Length); index > 0; index--)
            {
                if (string.CompareOrdinal(text, index, separator, 0, separator.Length) == 0 && !IsInsideMarkup(text, index))
                {
                    return (index, separator.Length);
                }
            }
        }

        return (HardCut(text, budget), 0);
    }

    private static int HardCut(string text, int budget)
    {
        var cut = budget;
        var tagStart = TagStart(text, cut);
        if (tagStart >= 0)
        {
            cut = tagStart;
        }
        else if (EntityStart(text, cut) is var entityStart and >= 0)
        {
            cut = entityStart;
        }
        else if (char.IsLowSurrogate(text[cut]) && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        // Only a tag or entity longer than the whole budget gets here: nothing better exists.
        return cut > 0 ? cut : budget;
    }

    private static bool IsInsideMarkup(string text, int position) => TagStart(text, position) >= 0 || EntityStart(text, position) >= 0;

    /// <summary>The index of the '&lt;' of a tag that <paramref name="position"/> falls inside, or -1.</summary>
    private static int TagStart(string text, int position)
    {
        var open = text.LastIndexOf('<', position - 1);
        return open > text.LastIndexOf('>', position - 1) ? open : -1;
    }

    /// <summary>The index of the '&amp;' of an entity that <paramref name="position"/> falls inside, or -1.</summary>
    private static int EntityStart(string text, int position)
    {
        var ampersand = text.LastIndexOf('&', position - 1);
        if (ampersand < 0 || position - ampersand > MaxEntityLength)
        {
            return -1;
        }

        for (var i = ampersand + 1; i < text.Length && i - ampersand <= MaxEntityLength; i++)
        {
            if (text[i] == ';')
            {
                return i >= position ? ampersand : -1;
            }

            if (!char.IsAsciiLetterOrDigit(text[i]) && text[i] != '#')
            {
                return -1;
            }
        }

        return -1;
    }

    /// <summary>Tags opened before <paramref name="cut"/> and not yet closed, outermost first.</summary>
    private static List<(string Name, string Opening)> OpenTags(string text, int cut)
    {
        var open = new List<(string Name, string Opening)>();
        var index = 0;
        while (true)
        {
            var start = text.IndexOf('<', index);
            if (start < 0 || start >= cut)
            {
                return open;
            }

            var end = text.IndexOf('>', start);
            if (end < 0 || end >= cut)
            {
                return open;
            }

            index = end + 1;
            var closing = text[start + 1] == '/';
            var name = TagName(text, closing ? start + 2 : start + 1, end);
            if (name.Length == 0 || text[end - 1] == '/')
            {
                continue;
            }

            if (!closing)
            {
                open.Add((name, text[start..(end + 1)]));
                continue;
            }

            var match = open.FindLastIndex(tag => tag.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (match >= 0)
            {
                open.RemoveRange(match, open.Count - match);
            }
        }
    }

    private static string TagName(string text, int start, int end)
    {
        var stop = start;
        while (stop < end && (char.IsAsciiLetterOrDigit(text[stop]) || text[stop] == '-'))
        {
            stop++;
        }

        return text[start..stop];
    }
}
