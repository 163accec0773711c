using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using RecipeBot.Core.Conversations;
using RecipeBot.Core.Engine;
using RecipeBot.Core.Meetings;
using RecipeBot.Core.Outbox;
using static RecipeBot.Storage.Postgres.PostgresDatabase;

namespace RecipeBot.Storage.Postgres;

/// <summary>
/// Conversations on PostgreSQL: one row per conversation, written once per turn together with the turn's outbox rows
/// in one transaction. Lists are <c>text[]</c>.
/// </summary>
public sealed partial class PostgresConversationStore(PostgresDatabase database, TimeProvider? time = null, ILogger<PostgresConversationStore>? logger = null)
    : IConversationStore, IOutboxStore
{
    private const string Columns = ConversationColumns.All;

    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly ILogger _logger = logger ?? NullLogger<PostgresConversationStore>.Instance;

    public async ValueTask<Conversation?> LoadAsync(string conversationId, CancellationToken cancellationToken)
    {
        var rows = await database.ReadAsync(
            (connection, token) => QueryAsync(connection, null, $"SELECT {Columns} FROM conversations WHERE id = $1", reader => Read(conversationId, reader), token, conversationId),
            cancellationToken).ConfigureAwait(false);
        return rows.SingleOrDefault();
    }

    public ValueTask SaveAsync(Conversation conversation, IReadOnlyList<OutgoingMessage> outbox, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(outbox);
        var payloads = outbox.Select(OutboxJson.Serialize).ToArray();
        return database.WriteAsync(
            async (connection, transaction, token) =>
            {
                await SaveAsync(connection, transaction, conversation, token).ConfigureAwait(false);
                await PostgresOutbox.AddAsync(connection, transaction, outbox, payloads, _time.GetUtcNow(), token).ConfigureAwait(false);
            },
            cancellationToken);
    }

    public ValueTask MoveAsync(string fromId, string toId, CancellationToken cancellationToken) =>
        database.WriteAsync(
            (connection, transaction, token) => ExecuteAsync(
                connection, transaction, "UPDATE conversations SET id = $2 WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM conversations WHERE id = $2)", token, fromId, toId),
            cancellationToken);

    public ValueTask AddAsync(IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var payloads = messages.Select(OutboxJson.Serialize).ToArray();
        return database.WriteAsync(
            (connection, transaction, token) => PostgresOutbox.AddAsync(connection, transaction, messages, payloads, _time.GetUtcNow(), token),
            cancellationToken);
    }

    public ValueTask<IReadOnlyList<OutboxItem>> PendingAsync(string prefix, long afterId, int max, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteAndReturnAsync(
            async (connection, transaction, token) =>
            {
                var unreadable = new List<long>();
                var items = await PostgresOutbox.PendingAsync(database, connection, transaction, prefix, afterId, max, now, _time.GetUtcNow(), unreadable, token).ConfigureAwait(false);
                if (unreadable.Count > 0)
                {
                    // A row no version of the bot can read would stop its channel's outbox for good: it goes, loudly.
                    await PostgresOutbox.CompleteAsync(connection, transaction, unreadable, token).ConfigureAwait(false);
                    _logger.LogError("Outbox rows {OutboxIds} could not be read as messages and were removed", string.Join(", ", unreadable));
                }

                return items;
            },
            cancellationToken);

    public ValueTask CompleteAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        return database.WriteAsync((connection, transaction, token) => PostgresOutbox.CompleteAsync(connection, transaction, ids, token), cancellationToken);
    }

    public async ValueTask<int> RetryLaterAsync(long id, DateTimeOffset notBefore, CancellationToken cancellationToken)
    {
        var attempts = await database.WriteAndReturnAsync(
            (connection, transaction, token) => QueryAsync(
                connection, transaction, "UPDATE outbox SET attempts = attempts + 1, not_before = $2 WHERE id = $1 RETURNING attempts", r => r.GetInt32(0), token, id, notBefore.ToUnixTimeMilliseconds()),
            cancellationToken).ConfigureAwait(false);
        return attempts.SingleOrDefault();
    }

    private static Task<int> SaveAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Conversation conversation, CancellationToken cancellationToken) =>
        ExecuteAsync(
            connection,
            transaction,
            $"""
            INSERT INTO conversations (id, {Columns})
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
            {ConversationColumns.OnConflictUpdate}
            """,
            cancellationToken,
            conversation.Id,
            conversation.Language,
            conversation.Role,
            conversation.Phase,
            conversation.State,
            conversation.History.ToArray(),
            conversation.SituationsSeen.ToArray(),
            conversation.RecipesGiven.ToArray(),
            conversation.Deliveries.ToArray(),
            conversation.Clarification.ToArray(),
            conversation.Misses,
            conversation.Turns,
            Utc(conversation.CreatedAt),
            Utc(conversation.UpdatedAt),
            conversation.TimeZone,
            conversation.Draft?.ToJson(),
            conversation.Offered.ToArray(),
            conversation.Failures);

    private static Conversation Read(string conversationId, NpgsqlDataReader reader) =>
        new(conversationId, reader.GetString(0), reader.GetString(3), Instant(reader, 11))
        {
            Role = Text(reader, 1),
            Phase = Text(reader, 2),
            History = List(reader, 4),
            SituationsSeen = List(reader, 5),
            RecipesGiven = List(reader, 6),
            Deliveries = List(reader, 7),
            Clarification = List(reader, 8),
            Misses = reader.GetInt32(9),
            Turns = reader.GetInt32(10),
            UpdatedAt = Instant(reader, 12),
            TimeZone = Text(reader, 13),
            Draft = ScheduleDraft.FromJson(Text(reader, 14)),
            Offered = List(reader, 15),
            Failures = reader.GetInt32(16),
        };

    private static List<string> List(NpgsqlDataReader reader, int ordinal) => [.. reader.GetFieldValue<string[]>(ordinal)];
}
