using Microsoft.Extensions.DependencyInjection;
using RecipeBot.Core.Channels;

namespace RecipeBot.Channels.Teams.Tests.Channel;

/// <summary>A conversation-reference store whose every call fails, as a broken disk would make it.</summary>
public sealed class FailingReferenceStore : IConversationReferenceStore
{
    public static void Install(IServiceCollection services) => services.AddSingleton<IConversationReferenceStore, FailingReferenceStore>();

    public ValueTask SaveAsync(ConversationReference reference, CancellationToken cancellationToken) =>
        throw new IOException("The disk is on fire.");

    public ValueTask<ConversationReference?> FindAsync(string conversationId, CancellationToken cancellationToken) =>
        throw new IOException("The disk is on fire.");

    public ValueTask DeleteAsync(string conversationId, CancellationToken cancellationToken) =>
        throw new IOException("The disk is on fire.");
}
