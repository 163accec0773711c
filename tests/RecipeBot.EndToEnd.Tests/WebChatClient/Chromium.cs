namespace RecipeBot.EndToEnd.Tests.WebChatClient;

/// <summary>The system's Chromium (Debian's <c>chromium</c>), or the one <c>CHROMIUM_PATH</c> names.</summary>
internal static class Chromium
{
    public static string? Find()
    {
        if (Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } configured)
        {
            return File.Exists(configured) ? configured : null;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(directory => new[] { "chromium", "chromium-browser" }.Select(name => Path.Combine(directory, name)))
            .FirstOrDefault(File.Exists);
    }
}
