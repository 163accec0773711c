namespace RecipeBot.Core.Content;

/// <summary>The conversation graph from <c>flow.yaml</c>.</summary>
public sealed record FlowDefinition(
    IReadOnlyList<string> Languages,
    string Start,
    IReadOnlyList<FlowState> States,
    SourceLocation Location)
{
    /// <summary>The default language: the first one listed.</summary>
    public string DefaultLanguage => Languages[0];
}
