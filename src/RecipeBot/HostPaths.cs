namespace RecipeBot;

internal static class HostPaths
{
    /// <summary>The working directory when it has the settings (a checkout), else the program's folder.</summary>
    public static string ContentRoot() =>
        File.Exists(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"))
            ? Directory.GetCurrentDirectory()
            : AppContext.BaseDirectory;

    /// <summary>
    /// Host setting: settings are validated once at start, so they are read once. No watcher on the content root,
    /// whose events (every write of the SQLite file under <c>data/</c>) would otherwise cost CPU on each turn.
    /// </summary>
    public const string NoConfigReload = "--hostBuilder:reloadConfigOnChange=false";
}
