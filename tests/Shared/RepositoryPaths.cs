namespace RecipeBot.Tests.Shared;

/// <summary>Folders of the repository the tests run from (found above the build output).</summary>
public static class RepositoryPaths
{
    /// <summary>The repository's <c>dialogs/</c>.</summary>
    public static string Dialogs()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "dialogs", "flow.yaml")))
            {
                return Path.Combine(dir.FullName, "dialogs");
            }
        }

        throw new InvalidOperationException("dialogs/ not found");
    }
}
