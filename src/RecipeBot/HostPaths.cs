namespace RecipeBot;

internal static class HostPaths
{
    /// <summary>The working directory when it has the settings (a checkout), else the program's folder.</summary>
    public static string ContentRoot() =>
        File.Exists(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"))
            ? Directory.GetCurrentDirectory()
            : AppContext.BaseDirectory;
}
