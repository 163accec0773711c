using RecipeBot.Core.Content;
using RecipeBot.Core.Diagnosis;
using RecipeBot.Core.Flow;
using RecipeBot.Core.Loading;

namespace RecipeBot.Core.Tests;

/// <summary>The real <c>dialogs/</c> folder of the repository, loaded once per test run.</summary>
public static class RepositoryContent
{
    public static string Directory { get; } = FindDialogs();

    private static readonly Lazy<ContentSet> Loaded = new(() => ContentLoader.LoadValid(FindDialogs()));

    private static readonly Lazy<IntentDiagnoser> Trained = new(() => IntentDiagnoser.FromContent(Directory, Content, out _));

    public static ContentSet Content => Loaded.Value;

    /// <summary>The free-text recogniser trained on the repository's examples, once per test run.</summary>
    public static IntentDiagnoser Diagnoser => Trained.Value;

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
