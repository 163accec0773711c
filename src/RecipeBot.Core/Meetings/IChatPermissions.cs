namespace RecipeBot.Core.Meetings;

/// <summary>Asks the channel whether a user administers a group chat (Telegram: getChatMember).</summary>
public interface IChatPermissions
{
    /// <summary>True when <paramref name="userId"/> is an owner or administrator of the group <paramref name="conversationId"/>.</summary>
    ValueTask<bool> IsAdminAsync(string conversationId, string userId, CancellationToken cancellationToken);
}

/// <summary>A channel that cannot tell: nobody is an admin, only creators and coordinators may change meetings.</summary>
public sealed class NoChatPermissions : IChatPermissions
{
    public static NoChatPermissions Instance { get; } = new();

    public ValueTask<bool> IsAdminAsync(string conversationId, string userId, CancellationToken cancellationToken) => ValueTask.FromResult(false);
}
