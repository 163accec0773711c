namespace RecipeBot.Channels.WebChat.Tokens;

/// <summary>The page's languages: Estonian first, then English and Russian.</summary>
public static class Languages
{
    public const string Default = "et";

    public static IReadOnlyList<string> All { get; } = ["et", "en", "ru"];

    /// <summary><c>et</c>, <c>en</c> or <c>ru</c> from a tag such as <c>en-US</c>; empty for anything else.</summary>
    public static string Normalize(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag))
        {
            return string.Empty;
        }

        var primary = tag.Split('-', '_')[0].Trim().ToLowerInvariant();
        return All.Contains(primary) ? primary : string.Empty;
    }

    /// <summary>The locale Web Chat is given (its own strings, dates).</summary>
    public static string Locale(string language) => language switch
    {
        "en" => "en-US",
        "ru" => "ru-RU",
        _ => "et-EE",
    };
}
