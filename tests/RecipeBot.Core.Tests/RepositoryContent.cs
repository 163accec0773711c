using RecipeBot.Core.Content;
using RecipeBot.Core.Flow;
using RecipeBot.Core.Loading;

namespace RecipeBot.Core.Tests;

/// <summary>The real <c>dialogs/</c> folder of the repository, loaded once per test run.</summary>
public static class RepositoryContent
{
    public static string Directory { get; } = FindDialogs();

    private static readonly Lazy<ContentSet> Loaded = new(() => ContentLoader.LoadValid(FindDialogs()));

    public static ContentSet Content => Loaded.Value;

    public static CompiledFlow Compile() => CompiledFlow.Compile(Content);

    private static string FindDialogs()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "dialogs");
            if (File.Exists(Path.Combine(candidate, ContentLoader.FlowFile)))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("dialogs/flow.yaml not found above " + AppContext.BaseDirectory);
    }
}
