using System.Text.RegularExpressions;

namespace RecipeBot.Core.Diagnosis;

/// <summary>Masks what could identify a person before a message is logged for improving the examples.</summary>
public static partial class Anonymizer
{
    public static string Mask(string text)
    {
        var masked = Email().Replace(text, "<email>");
        masked = Url().Replace(masked, "<url>");
        masked = Mention().Replace(masked, "<user>");
        masked = Number().Replace(masked, "<number>");
        return masked.Length > 300 ? masked[..300] + "…" : masked;
    }

    [GeneratedRegex(@"[\w.+-]+@[\w-]+(\.[\w-]+)+")]
    private static partial Regex Email();

    [GeneratedRegex(@"https?://\S+|www\.\S+")]
    private static partial Regex Url();

    [GeneratedRegex(@"@\w{3,}")]
    private static partial Regex Mention();

    // Phone numbers, personal codes, account numbers: any run of 4+ digits (with spaces or dashes).
    [GeneratedRegex(@"\+?\d[\d\s-]{3,}\d")]
    private static partial Regex Number();
}
