using System.Globalization;
using System.Text;

namespace RecipeBot.Core.Flow;

/// <summary>
/// Folds typed text for matching a button label: case, Unicode form, diacritics
/// ("Ametnik", "ametnik", "AMETNIK!" and "ametnik " all match; so does "oige" for "õige").
/// </summary>
public static class TextNormalizer
{
    public static string Normalize(string text)
    {
        var decomposed = text.Trim().Normalize(NormalizationForm.FormD);
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

        // Trailing punctuation ("Ametnik." / "official!") is noise, not meaning.
        while (builder.Length > 0 && char.IsPunctuation(builder[^1]))
        {
            builder.Length--;
        }

        // Cyrillic 'й' decomposes into 'и' + breve, which is dropped above; that is acceptable for matching.
        return builder.ToString();
    }
}
