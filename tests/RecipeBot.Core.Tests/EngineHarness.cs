using Microsoft.Extensions.Time.Testing;
using RecipeBot.Core.Conversations;
using RecipeBot.Core.Engine;

namespace RecipeBot.Core.Tests;

/// <summary>The real content and engine over an in-memory store, driven like a channel would.</summary>
public sealed class EngineHarness
{
    public EngineHarness(IConversationStore? store = null, bool understandsFreeText = false)
    {
        Store = store ?? new InMemoryConversationStore();
        Engine = new RecipeEngine(RepositoryContent.Compile(), Store, Time, diagnoser: understandsFreeText ? RepositoryContent.Diagnoser : null);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero));

    public IConversationStore Store { get; }

    public RecipeEngine Engine { get; }

    public Task<OutgoingMessage> SayAsync(string text, string chat = "test:1", string? lang = null) =>
        Engine.HandleAsync(new IncomingMessage(chat, text, "user-1", lang), CancellationToken.None);
}
