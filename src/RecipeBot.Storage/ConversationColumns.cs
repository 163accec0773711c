namespace RecipeBot.Storage;

/// <summary>The conversations table's columns and its upsert, the same in every database.</summary>
internal static class ConversationColumns
{
    /// <summary>Every column but <c>id</c>, in the order the stores read and write them.</summary>
    public const string All = "language, role, phase, state, history, situations_seen, recipes_given, deliveries, clarification, misses, turns, created_at, updated_at, time_zone, schedule_draft, offered, failures";

    /// <summary>What a save replaces in a stored conversation (everything but <c>id</c> and <c>created_at</c>).</summary>
    public const string OnConflictUpdate = """
        ON CONFLICT (id) DO UPDATE SET
            language = excluded.language, role = excluded.role, phase = excluded.phase, state = excluded.state,
            history = excluded.history, situations_seen = excluded.situations_seen,
            recipes_given = excluded.recipes_given, deliveries = excluded.deliveries,
            clarification = excluded.clarification, misses = excluded.misses,
            turns = excluded.turns, updated_at = excluded.updated_at,
            time_zone = excluded.time_zone, schedule_draft = excluded.schedule_draft, offered = excluded.offered,
            failures = excluded.failures
        """;
}
