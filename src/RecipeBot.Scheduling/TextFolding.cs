using System.Globalization;
using System.Text;

namespace RecipeBot.Scheduling;

/// <summary>
/// Lower-cases and strips diacritics one character at a time, so that indexes in the folded text
/// are indexes in the original too (title and place are cut from the original, as typed). A character
/// that cannot be normalised on its own — half of a surrogate pair (emoji, flags, mathematical letters),
/// a noncharacter such as U+FFFE — passes through unchanged.
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

        // \d matches every script's digits, int.Parse only ASCII ones: "kell ١٠" is ten o'clock.
        if (char.IsDigit(lower))
        {
            return (char)('0' + CharUnicodeInfo.GetDecimalDigitValue(lower));
        }

        // string.Normalize throws on lone surrogates and noncharacters; there are no diacritics to strip from them.
        if (CharUnicodeInfo.GetUnicodeCategory(lower) is UnicodeCategory.Surrogate or UnicodeCategory.OtherNotAssigned)
        {
            return lower;
        }

        var decomposed = lower.ToString().Normalize(NormalizationForm.FormD);
        return CharUnicodeInfo.GetUnicodeCategory(decomposed[0]) == UnicodeCategory.NonSpacingMark ? lower : decomposed[0];
    }
}
