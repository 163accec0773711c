namespace RecipeBot.Channels.Teams.Schema;

/// <summary>The conversation an activity belongs to.</summary>
public sealed record ConversationAccount(string? Id)
{
    /// <summary>Teams: <c>personal</c>, <c>groupChat</c> or <c>channel</c>.</summary>
    public string? ConversationType { get; init; }

    public bool? IsGroup { get; init; }

    public string? TenantId { get; init; }

    public string? Name { get; init; }
}
