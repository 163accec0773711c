using System.Text.RegularExpressions;

namespace RecipeBot.Core.Tests;

/// <summary>\uXXXX and \UXXXXXXXX escapes in test data, so that lone surrogates reach the test intact.</summary>
internal static partial class Escapes
{
    public static string Unescape(string escaped) =>
        Escape().Replace(
            escaped,
            m => m.Groups[1].Success
                ? ((char)Convert.ToInt32(m.Groups[1].Value, 16)).ToString()
                : char.ConvertFromUtf32(Convert.ToInt32(m.Groups[2].Value, 16)));

    [GeneratedRegex(@"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")]
    private static partial Regex Escape();
}
