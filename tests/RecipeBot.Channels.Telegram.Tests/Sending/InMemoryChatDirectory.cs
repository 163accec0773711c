using System.Collections.Concurrent;
using RecipeBot.Core.Channels;

namespace RecipeBot.Channels.Telegram.Tests.Sending;

/// <summary>An <see cref="IChatDirectory"/> in memory that remembers the migrations it was told about.</summary>
internal sealed class InMemoryChatDirectory : IChatDirectory
{
    private readonly ConcurrentDictionary<string, bool> _inactive = new();
    private readonly ConcurrentDictionary<string, string> _migratedTo = new();
    private readonly ConcurrentQueue<(string From, string To)> _migrations = new();

    public IReadOnlyList<(string From, string To)> Migrations => [.. _migrations];

    public ValueTask<bool> IsActiveAsync(string conversationId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(!_inactive.ContainsKey(conversationId));

    public ValueTask SetActiveAsync(string conversationId, bool active, CancellationToken cancellationToken)
    {
        if (active)
        {
            _inactive.TryRemove(conversationId, out _);
        }
        else
        {
            _inactive[conversationId] = true;
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask MigrateAsync(string fromId, string toId, CancellationToken cancellationToken)
    {
        _migrations.Enqueue((fromId, toId));
        _migratedTo[fromId] = toId;
        return ValueTask.CompletedTask;
    }

    public ValueTask<string> ResolveAsync(string conversationId, CancellationToken cancellationToken)
    {
        var id = conversationId;
        while (_migratedTo.TryGetValue(id, out var next))
        {
            id = next;
        }

        return ValueTask.FromResult(id);
    }
}
