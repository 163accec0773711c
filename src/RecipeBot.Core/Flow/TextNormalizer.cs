using System.Globalization;
using System.Text;

namespace RecipeBot.Core.Flow;

/// <summary>
/// Folds typed text for matching a button label: case, Unicode form, diacritics
/// ("Ametnik", "ametnik", "AMETNIK!" and "ametnik " all match; so does "oige" for "õige").
/// Any string is accepted: half of a broken surrogate pair becomes U+FFFD and noncharacters
/// (U+FFFE, U+FFFF, …) are dropped, since <see cref="string.Normalize(NormalizationForm)"/> throws on both.
/// </summary>
public static class TextNormalizer
{
    public static string Normalize(string text)
    {
        var decomposed = Decompose(WithoutInvalidUtf16(text.Trim()));
        var builder = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        // Trailing punctuation ("Ametnik." / "official !") is noise, not meaning; so is the space before it.
        while (builder.Length > 0 && (char.IsPunctuation(builder[^1]) || builder[^1] == ' '))
        {
            builder.Length--;
        }

        // Cyrillic 'й' decomposes into 'и' + breve, which is dropped above; that is acceptable for matching.
        return builder.ToString();
    }

    private static string Decompose(string text)
    {
        try
        {
            return text.Normalize(NormalizationForm.FormD);
        }
        catch (ArgumentException)
        {
            // Nothing invalid is left, but should ICU still refuse, matching without decomposition beats failing the turn.
            return text;
        }
    }

    private static string WithoutInvalidUtf16(string text)
    {
        var span = text.AsSpan();
        if (span.IndexOfAnyInRange('\uD800', '\uDFFF') < 0 && span.IndexOfAnyInRange('\uFDD0', '\uFDEF') < 0 && span.IndexOfAny('\uFFFE', '\uFFFF') < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        while (!span.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(span, out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                builder.Append('\uFFFD');
            }
            else if (!IsNoncharacter(rune.Value))
            {
                builder.Append(span[..consumed]);
            }

            span = span[consumed..];
        }

        return builder.ToString();
    }

    private static bool IsNoncharacter(int codePoint) => codePoint is >= 0xFDD0 and <= 0xFDEF || (codePoint & 0xFFFE) == 0xFFFE;
}
