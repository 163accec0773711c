using RecipeBot.Core.Flow;
using RecipeBot.Core.Loading;
using RecipeBot.Core.Meetings;

namespace RecipeBot.Reminders.Tests.Support;

/// <summary>The repository's <c>dialogs/</c>, compiled once per test run: what the notifications are rendered from.</summary>
public static class Dialogs
{
    private static readonly Lazy<CompiledFlow> Compiled = new(() => CompiledFlow.Compile(ContentLoader.LoadValid(Find())));

    public static CompiledFlow Flow => Compiled.Value;

    public static MeetingMessages Messages { get; } = new(Flow);

    private static string Find()
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
