using RecipeBot.Core.Content;

namespace RecipeBot.Core.Loading;

/// <summary>Something wrong in the content, with the file and line to fix.</summary>
public sealed record ContentProblem(SourceLocation Location, string Message)
{
    public override string ToString() => $"{Location.File}:{Location.Line}: {Message}";
}
