namespace RecipeBot.Core.Loading;

/// <summary>Thrown at start-up when <c>dialogs/</c> has problems; the message lists them all.</summary>
public sealed class ContentException(IReadOnlyList<ContentProblem> problems)
    : Exception(FormatMessage(problems))
{
    public IReadOnlyList<ContentProblem> Problems { get; } = problems;

    private static string FormatMessage(IReadOnlyList<ContentProblem> problems) =>
        $"The content has {problems.Count} problem(s); run the 'validate' command for details:"
        + Environment.NewLine + string.Join(Environment.NewLine, problems.Take(20));
}
