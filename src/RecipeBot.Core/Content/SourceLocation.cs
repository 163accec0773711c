namespace RecipeBot.Core.Content;

/// <summary>Where a piece of content was defined: a path relative to the content folder and a 1-based line.</summary>
public readonly record struct SourceLocation(string File, int Line)
{
    public override string ToString() => $"{File}:{Line}";
}
