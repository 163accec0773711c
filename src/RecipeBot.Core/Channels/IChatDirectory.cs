namespace RecipeBot.Core.Channels;

/// <summary>
/// What channels learn about chats outside of turns: a user who blocked the bot (Telegram 403)
/// and a group that moved to a new id (Telegram's <c>migrate_to_chat_id</c>). Ids are
/// conversation ids such as <c>telegram:-1001234567890</c>.
/// </summary>
public interface IChatDirectory
{
    /// <summary>False once the chat blocked or removed the bot; true again when it writes to the bot.</summary>
    ValueTask<bool> IsActiveAsync(string conversationId, CancellationToken cancellationToken);

    ValueTask SetActiveAsync(string conversationId, bool active, CancellationToken cancellationToken);

    /// <summary>Records that <paramref name="fromId"/> became <paramref name="toId"/> and moves its conversation.</summary>
    ValueTask MigrateAsync(string fromId, string toId, CancellationToken cancellationToken);

    /// <summary>The id a chat now has (following migrations), or the id itself.</summary>
    ValueTask<string> ResolveAsync(string conversationId, CancellationToken cancellationToken);
}
