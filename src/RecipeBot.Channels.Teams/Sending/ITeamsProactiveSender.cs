using RecipeBot.Core.Engine;

namespace RecipeBot.Channels.Teams.Sending;

/// <summary>Sends a message into a Teams conversation nobody just wrote in (a reminder), from its stored conversation reference.</summary>
public interface ITeamsProactiveSender
{
    /// <summary>
    /// Sends <paramref name="message"/> to <paramref name="conversationId"/> (<c>teams:{conversation id}</c>).
    /// False when no reference of that conversation is stored; throws <see cref="TeamsConnectorException"/>
    /// when the connector refuses it after retries.
    /// </summary>
    Task<bool> SendAsync(string conversationId, OutgoingMessage message, CancellationToken cancellationToken);
}
