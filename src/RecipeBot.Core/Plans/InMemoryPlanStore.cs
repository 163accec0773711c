using System.Collections.Concurrent;

namespace RecipeBot.Core.Plans;

/// <summary>Plans in memory (the terminal without a file, tests); each is kept as JSON, so callers never share an instance.</summary>
public sealed class InMemoryPlanStore : IPlanStore
{
    private readonly ConcurrentDictionary<string, (DateTimeOffset CreatedAt, string Json)> _plans = new(StringComparer.Ordinal);

    public ValueTask<Plan?> GetAsync(string conversationId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_plans.TryGetValue(conversationId, out var stored) ? Plan.FromJson(stored.Json) : null);

    public ValueTask SaveAsync(Plan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        _plans[plan.ConversationId] = (plan.CreatedAt, plan.ToJson());
        return ValueTask.CompletedTask;
    }

    public ValueTask DeleteAsync(string conversationId, CancellationToken cancellationToken)
    {
        _plans.TryRemove(conversationId, out _);
        return ValueTask.CompletedTask;
    }

    public ValueTask MoveAsync(string fromConversationId, string toConversationId, CancellationToken cancellationToken)
    {
        if (_plans.TryGetValue(fromConversationId, out var stored)
            && _plans.TryAdd(toConversationId, (stored.CreatedAt, Plan.FromJson(stored.Json).MovedTo(toConversationId).ToJson())))
        {
            _plans.TryRemove(fromConversationId, out _);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<IReadOnlyList<Plan>> ListAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<Plan>>([.. _plans.Values.OrderBy(p => p.CreatedAt).Select(p => Plan.FromJson(p.Json))]);
}
