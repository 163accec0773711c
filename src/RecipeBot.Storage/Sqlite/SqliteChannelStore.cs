using System.Globalization;
using Microsoft.Data.Sqlite;
using RecipeBot.Core.Channels;
using RecipeBot.Core.Conversations;

namespace RecipeBot.Storage.Sqlite;

/// <summary>
/// Channel bookkeeping in the bot's SQLite file: chat status, cursors and the inbound inbox. A chat marked inactive
/// (it blocked or removed the bot) has its meetings paused. Chats' status is kept in memory once read (every reply
/// asks for it), and a change drops the copy. Reading and dropping happen under the database's gate, so the copy
/// is never older than the last write.
/// </summary>
public sealed partial class SqliteChannelStore : IChatDirectory, ICursorStore, IInboxStore
{
    private const int MaxKnownChats = 100_000;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (bool Active, string? MigratedTo)> _known = new(StringComparer.Ordinal);
    private readonly SqliteDatabase _database;
    private readonly IConversationStore _conversations;
    private readonly RecipeBot.Core.Meetings.IMeetingStore? _meetings;
    private readonly RecipeBot.Core.Plans.IPlanStore? _plans;
    private readonly TimeProvider _time;
    private readonly SqliteCommand _getChat;
    private readonly SqliteCommand _setActive;
    private readonly SqliteCommand _setMigrated;
    private readonly SqliteCommand _getCursor;
    private readonly SqliteCommand _setCursor;
    private readonly SqliteCommand _addInbox;
    private readonly SqliteCommand _pending;
    private readonly SqliteCommand _complete;
    private readonly SqliteCommand _fail;

    public SqliteChannelStore(SqliteDatabase database, IConversationStore conversations, TimeProvider time, RecipeBot.Core.Meetings.IMeetingStore? meetings = null, RecipeBot.Core.Plans.IPlanStore? plans = null)
    {
        _plans = plans;
        _database = database;
        _conversations = conversations;
        _meetings = meetings;
        _time = time;
        _getChat = database.Prepare("SELECT active, migrated_to FROM chats WHERE id = $id", "$id");
        _setActive = database.Prepare(
            "INSERT INTO chats (id, active, updated_at) VALUES ($id, $active, $at) ON CONFLICT (id) DO UPDATE SET active = excluded.active, updated_at = excluded.updated_at",
            "$id", "$active", "$at");
        _setMigrated = database.Prepare(
            "INSERT INTO chats (id, active, migrated_to, updated_at) VALUES ($id, 0, $to, $at) ON CONFLICT (id) DO UPDATE SET active = 0, migrated_to = excluded.migrated_to, updated_at = excluded.updated_at",
            "$id", "$to", "$at");
        _getCursor = database.Prepare("SELECT value FROM cursors WHERE name = $name", "$name");
        _setCursor = database.Prepare(
            "INSERT INTO cursors (name, value) VALUES ($name, $value) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
            "$name", "$value");
        _addInbox = database.Prepare(
            "INSERT INTO inbox (channel, sequence, partition, payload, received_at) VALUES ($channel, $sequence, $partition, $payload, $at) ON CONFLICT DO NOTHING",
            "$channel", "$sequence", "$partition", "$payload", "$at");
        _pending = database.Prepare(
            "SELECT sequence, partition, payload, attempts FROM inbox WHERE channel = $channel AND sequence > $after ORDER BY sequence LIMIT $max",
            "$channel", "$max", "$after");
        _complete = database.Prepare("DELETE FROM inbox WHERE channel = $channel AND sequence = $sequence", "$channel", "$sequence");
        _fail = database.Prepare(
            "UPDATE inbox SET attempts = attempts + 1 WHERE channel = $channel AND sequence = $sequence RETURNING attempts",
            "$channel", "$sequence");
        (_chatOf, _inboxOf, _deleteChat, _deleteInbox) = PreparePersonalData(database);
    }

    public ValueTask<bool> IsActiveAsync(string conversationId, CancellationToken cancellationToken) =>
        _known.TryGetValue(conversationId, out var known)
            ? ValueTask.FromResult(known.Active)
            : _database.UseAsync(() => Chat(conversationId).Active, cancellationToken);

    public async ValueTask SetActiveAsync(string conversationId, bool active, CancellationToken cancellationToken)
    {
        await _database.WriteAsync(
            () =>
            {
                _setActive.Parameters[0].Value = conversationId;
                _setActive.Parameters[1].Value = active ? 1 : 0;
                _setActive.Parameters[2].Value = Now();
                _setActive.ExecuteNonQuery();
                _known.TryRemove(conversationId, out _);
            },
            cancellationToken,
            _setActive).ConfigureAwait(false);
        if (!active && _meetings is not null)
        {
            // A chat that blocked or removed the bot gets no more reminders; a timer that fires for a paused meeting is dropped.
            await _meetings.PauseAllAsync(conversationId, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask MigrateAsync(string fromId, string toId, CancellationToken cancellationToken)
    {
        await _database.UseAsync(
            () =>
            {
                _setMigrated.Parameters[0].Value = fromId;
                _setMigrated.Parameters[1].Value = toId;
                _setMigrated.Parameters[2].Value = Now();
                _setMigrated.ExecuteNonQuery();
                _known.TryRemove(fromId, out _);
            },
            cancellationToken).ConfigureAwait(false);
        await _conversations.MoveAsync(fromId, toId, cancellationToken).ConfigureAwait(false);
        if (_meetings is not null)
        {
            // The group's meetings follow it into the supergroup.
            await _meetings.MoveAsync(fromId, toId, cancellationToken).ConfigureAwait(false);
        }

        if (_plans is not null)
        {
            // And so does its action plan.
            await _plans.MoveAsync(fromId, toId, cancellationToken).ConfigureAwait(false);
        }
    }

    public ValueTask<string> ResolveAsync(string conversationId, CancellationToken cancellationToken) =>
        _known.TryGetValue(conversationId, out var known) && known.MigratedTo is null
            ? ValueTask.FromResult(conversationId)
            : _database.UseAsync(
                () =>
                {
                    // Follow the chain; a group can migrate only once, but stay safe against loops.
                    var id = conversationId;
                    for (var hops = 0; hops < 8 && Chat(id).MigratedTo is { } next; hops++)
                    {
                        id = next;
                    }

                    return id;
                },
                cancellationToken);

    /// <summary>A chat's status: from memory, or read once. Called under the database's gate.</summary>
    private (bool Active, string? MigratedTo) Chat(string conversationId)
    {
        if (_known.TryGetValue(conversationId, out var known))
        {
            return known;
        }

        _getChat.Parameters[0].Value = conversationId;
        using (var reader = _getChat.ExecuteReader())
        {
            // A chat never marked is active.
            known = reader.Read() ? (reader.GetInt64(0) == 1, reader.IsDBNull(1) ? null : reader.GetString(1)) : (true, null);
        }

        if (_known.Count >= MaxKnownChats)
        {
            _known.Clear();
        }

        _known[conversationId] = known;
        return known;
    }

    public ValueTask<long?> GetAsync(string name, CancellationToken cancellationToken) =>
        _database.UseAsync(
            () =>
            {
                _getCursor.Parameters[0].Value = name;
                return _getCursor.ExecuteScalar() is long value ? value : (long?)null;
            },
            cancellationToken);

    public ValueTask SetAsync(string name, long value, CancellationToken cancellationToken) =>
        _database.WriteAsync(
            () =>
            {
                _setCursor.Parameters[0].Value = name;
                _setCursor.Parameters[1].Value = value;
                _setCursor.ExecuteNonQuery();
            },
            cancellationToken,
            _setCursor);

    public ValueTask<int> AddAsync(string channel, IReadOnlyList<InboxItem> items, CancellationToken cancellationToken) =>
        _database.WriteAsync(
            () =>
            {
                var added = 0;
                var now = Now();
                foreach (var item in items)
                {
                    var p = _addInbox.Parameters;
                    p[0].Value = channel;
                    p[1].Value = item.Sequence;
                    p[2].Value = item.Partition;
                    p[3].Value = item.Payload;
                    p[4].Value = now;
                    added += _addInbox.ExecuteNonQuery();
                }

                return added;
            },
            cancellationToken,
            _addInbox);

    public ValueTask<IReadOnlyList<InboxItem>> PendingAsync(string channel, long afterSequence, int max, CancellationToken cancellationToken) =>
        _database.UseAsync<IReadOnlyList<InboxItem>>(
            () =>
            {
                _pending.Parameters[0].Value = channel;
                _pending.Parameters[1].Value = max;
                _pending.Parameters[2].Value = afterSequence;
                using var reader = _pending.ExecuteReader();
                var items = new List<InboxItem>();
                while (reader.Read())
                {
                    items.Add(new InboxItem(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3)));
                }

                return items;
            },
            cancellationToken);

    public ValueTask CompleteAsync(string channel, IReadOnlyList<long> sequences, CancellationToken cancellationToken) =>
        _database.WriteAsync(
            () =>
            {
                foreach (var sequence in sequences)
                {
                    _complete.Parameters[0].Value = channel;
                    _complete.Parameters[1].Value = sequence;
                    _complete.ExecuteNonQuery();
                }

            },
            cancellationToken,
            _complete);

    public ValueTask<int> FailAsync(string channel, long sequence, CancellationToken cancellationToken) =>
        _database.UseAsync(
            () =>
            {
                _fail.Parameters[0].Value = channel;
                _fail.Parameters[1].Value = sequence;
                return _fail.ExecuteScalar() is long attempts ? (int)attempts : 0;
            },
            cancellationToken);

    private string Now() => _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
}
