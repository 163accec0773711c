using System.Globalization;
using System.Text;

namespace RecipeBot.Scheduling;

/// <summary>
/// Lower-cases and strips diacritics one character at a time, so that indexes in the folded text
/// are indexes in the original too (title and place are cut from the original, as typed).
/// </summary>
internal static class TextFolding
{
    public static string Fold(string text)
    {
        var folded = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            folded.Append(FoldChar(c));
        }

        return folded.ToString();
    }

    private static char FoldChar(char c)
    {
        var lower = char.ToLowerInvariant(c);
        if (lower < 128)
        {
            return lower;
        }

        // Typographic dashes and non-breaking spaces arrive from phones and office suites.
        switch (lower)
        {
            case '\u00a0' or '\u202f':
                return ' ';
            case '\u2013' or '\u2014':
                return '-';
        }

        var decomposed = lower.ToString().Normalize(NormalizationForm.FormD);
        return CharUnicodeInfo.GetUnicodeCategory(decomposed[0]) == UnicodeCategory.NonSpacingMark ? lower : decomposed[0];
    }
}
