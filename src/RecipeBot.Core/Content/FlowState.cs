namespace RecipeBot.Core.Content;

/// <summary>A state of the conversation: what the bot says there and which choices it offers.</summary>
public sealed record FlowState(
    string Id,
    string? TextKey,
    string? SituationId,
    IReadOnlyList<FlowChoice> Choices,
    SourceLocation Location);
