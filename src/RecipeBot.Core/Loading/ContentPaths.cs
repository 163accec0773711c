namespace RecipeBot.Core.Loading;

public static class ContentPaths
{
    /// <summary>
    /// An absolute path as it is; a relative one from the working directory if it exists there
    /// (editing <c>dialogs/</c> in a checkout), else next to the program (a published build).
    /// </summary>
    public static string Resolve(string path)
    {
        if (Path.IsPathRooted(path) || Directory.Exists(path))
        {
            return Path.GetFullPath(path);
        }

        var besideProgram = Path.Combine(AppContext.BaseDirectory, path);
        return Directory.Exists(besideProgram) ? besideProgram : Path.GetFullPath(path);
    }
}
