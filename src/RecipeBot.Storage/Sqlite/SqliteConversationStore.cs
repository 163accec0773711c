using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RecipeBot.Core.Conversations;
using RecipeBot.Core.Engine;
using RecipeBot.Core.Meetings;
using RecipeBot.Core.Outbox;

namespace RecipeBot.Storage.Sqlite;

/// <summary>
/// Conversations in the bot's SQLite file: one row per conversation, written once per turn together with the
/// turn's outbox rows in one transaction. Lists are stored one id per line (ids never contain line breaks).
/// </summary>
public sealed partial class SqliteConversationStore : IConversationStore, IOutboxStore
{
    private const string Columns = ConversationColumns.All;

    private readonly SqliteDatabase _database;
    private readonly SqliteCommand _load;
    private readonly SqliteCommand _save;
    private readonly SqliteCommand _move;
    private readonly SqliteCommand _inactive;
    private readonly SqliteCommand _delete;
    private readonly SqliteOutbox _outbox;
    private readonly ILogger _logger;

    public SqliteConversationStore(SqliteDatabase database, TimeProvider? time = null, ILogger<SqliteConversationStore>? logger = null)
    {
        _logger = logger ?? NullLogger<SqliteConversationStore>.Instance;
        time ??= TimeProvider.System;
        _database = database;
        _load = database.Prepare($"SELECT {Columns} FROM conversations WHERE id = $id", "$id");
        _save = database.Prepare(
            $"""
            INSERT INTO conversations (id, {Columns})
            VALUES ($id, $language, $role, $phase, $state, $history, $seen, $given, $deliveries, $clarification, $misses, $turns, $created, $updated, $timeZone, $draft, $offered, $failures)
            {ConversationColumns.OnConflictUpdate}
            """,
            "$id", "$language", "$role", "$phase", "$state", "$history", "$seen", "$given", "$deliveries", "$clarification", "$misses", "$turns", "$created", "$updated", "$timeZone", "$draft", "$offered", "$failures");
        _outbox = new SqliteOutbox(database, time);
        _move = database.Prepare(
            "UPDATE conversations SET id = $to WHERE id = $from AND NOT EXISTS (SELECT 1 FROM conversations WHERE id = $to)",
            "$from", "$to");
        _inactive = database.Prepare(
            """
            SELECT id, updated_at FROM conversations
            WHERE updated_at < $before AND (updated_at > $afterAt OR (updated_at = $afterAt AND id > $afterId))
            ORDER BY updated_at, id LIMIT $max
            """,
            "$before", "$max", "$afterAt", "$afterId");
        _delete = database.Prepare("DELETE FROM conversations WHERE id = $id", "$id");
    }

    public ValueTask<Conversation?> LoadAsync(string conversationId, CancellationToken cancellationToken) =>
        _database.UseAsync(() => Load(conversationId), cancellationToken);

    public ValueTask SaveAsync(Conversation conversation, IReadOnlyList<OutgoingMessage> outbox, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        return SaveAsync(conversation, outbox, SqliteOutbox.Payloads(outbox), cancellationToken);
    }

    private async ValueTask SaveAsync(Conversation conversation, IReadOnlyList<OutgoingMessage> outbox, string[] payloads, CancellationToken cancellationToken)
    {
        var written = new List<KeyValuePair<long, OutgoingMessage>>(outbox.Count);
        await _database.WriteAsync(
            () =>
            {
                Save(conversation);
                _outbox.Add(outbox, payloads, written);
            },
            cancellationToken,
            [_save, .. _outbox.Writes]).ConfigureAwait(false);
        _outbox.Remember(written);
    }

    public ValueTask MoveAsync(string fromId, string toId, CancellationToken cancellationToken) =>
        _database.UseAsync(
            () =>
            {
                _move.Parameters[0].Value = fromId;
                _move.Parameters[1].Value = toId;
                _move.ExecuteNonQuery();
            },
            cancellationToken);

    public async ValueTask AddAsync(IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken)
    {
        var payloads = SqliteOutbox.Payloads(messages);
        var written = new List<KeyValuePair<long, OutgoingMessage>>(messages.Count);
        await _database.WriteAsync(() => _outbox.Add(messages, payloads, written), cancellationToken, _outbox.Writes).ConfigureAwait(false);
        _outbox.Remember(written);
    }

    public ValueTask<IReadOnlyList<OutboxItem>> PendingAsync(string prefix, long afterId, int max, DateTimeOffset now, CancellationToken cancellationToken) =>
        _database.UseAsync(
            () =>
            {
                var unreadable = new List<long>();
                var items = _outbox.Pending(prefix, afterId, max, now, unreadable);
                if (unreadable.Count > 0)
                {
                    // A row no version of the bot can read would stop its channel's outbox for good: it goes, loudly.
                    _database.InTransaction(() => _outbox.Complete(unreadable), _outbox.Writes);
                    _logger.LogError("Outbox rows {OutboxIds} could not be read as messages and were removed", string.Join(", ", unreadable));
                }

                return items;
            },
            cancellationToken);

    public ValueTask CompleteAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken) =>
        _database.WriteAsync(() => _outbox.Complete(ids), cancellationToken, _outbox.Writes);

    public ValueTask<int> RetryLaterAsync(long id, DateTimeOffset notBefore, CancellationToken cancellationToken) =>
        _database.UseAsync(() => _outbox.RetryLater(id, notBefore), cancellationToken);

    private Conversation? Load(string conversationId)
    {
        _load.Parameters[0].Value = conversationId;
        using var reader = _load.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        return new Conversation(conversationId, reader.GetString(0), reader.GetString(3), ParseInstant(reader.GetString(11)))
        {
            Role = reader.IsDBNull(1) ? null : reader.GetString(1),
            Phase = reader.IsDBNull(2) ? null : reader.GetString(2),
            History = Split(reader.GetString(4)),
            SituationsSeen = Split(reader.GetString(5)),
            RecipesGiven = Split(reader.GetString(6)),
            Deliveries = Split(reader.GetString(7)),
            Clarification = Split(reader.GetString(8)),
            Misses = reader.GetInt32(9),
            Turns = reader.GetInt32(10),
            UpdatedAt = ParseInstant(reader.GetString(12)),
            TimeZone = reader.IsDBNull(13) ? null : reader.GetString(13),
            Draft = ScheduleDraft.FromJson(reader.IsDBNull(14) ? null : reader.GetString(14)),
            Offered = Split(reader.GetString(15)),
            Failures = reader.GetInt32(16),
        };
    }

    private void Save(Conversation conversation)
    {
        var p = _save.Parameters;
        p[0].Value = conversation.Id;
        p[1].Value = conversation.Language;
        p[2].Value = (object?)conversation.Role ?? DBNull.Value;
        p[3].Value = (object?)conversation.Phase ?? DBNull.Value;
        p[4].Value = conversation.State;
        p[5].Value = string.Join('\n', conversation.History);
        p[6].Value = string.Join('\n', conversation.SituationsSeen);
        p[7].Value = string.Join('\n', conversation.RecipesGiven);
        p[8].Value = string.Join('\n', conversation.Deliveries);
        p[9].Value = string.Join('\n', conversation.Clarification);
        p[10].Value = conversation.Misses;
        p[11].Value = conversation.Turns;
        // In UTC, so text order is time order (ListInactiveAsync).
        p[12].Value = Instant(conversation.CreatedAt);
        p[13].Value = Instant(conversation.UpdatedAt);
        p[14].Value = (object?)conversation.TimeZone ?? DBNull.Value;
        p[15].Value = (object?)conversation.Draft?.ToJson() ?? DBNull.Value;
        p[16].Value = string.Join('\n', conversation.Offered);
        p[17].Value = conversation.Failures;
        _save.ExecuteNonQuery();
    }

    private static DateTimeOffset ParseInstant(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);

    private static List<string> Split(string joined) => joined.Length == 0 ? [] : [.. joined.Split('\n')];
}
