using RecipeBot.Core.Engine;
using RecipeBot.Core.Meetings;

namespace RecipeBot.Storage.Sqlite;

/// <summary>The notification ledger: claims, take-overs, and completing a key (with its outbox row when it is sent).</summary>
public sealed partial class SqliteMeetingStore
{
    public ValueTask<bool> TryClaimAsync(string key, string ownerId, DateTimeOffset dueAt, NotificationStatus status, DateTimeOffset now, CancellationToken cancellationToken) =>
        _database.UseAsync(
            () =>
            {
                SetParameters(_claim, [key, ownerId, Instant(dueAt), StatusText(status), Instant(now)]);
                return _claim.ExecuteNonQuery() == 1;
            },
            cancellationToken);

    public ValueTask<bool> TryTakeOverAsync(string key, string ownerId, DateTimeOffset staleBefore, DateTimeOffset now, CancellationToken cancellationToken) =>
        _database.UseAsync(
            () =>
            {
                SetParameters(_takeOver, [key, ownerId, Instant(now), Instant(staleBefore)]);
                return _takeOver.ExecuteNonQuery() == 1;
            },
            cancellationToken);

    public ValueTask<bool> QueueAsync(string key, NotificationStatus status, DateTimeOffset now, OutgoingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var payloads = SqliteOutbox.Payloads([message]);
        return _database.WriteAsync(
            () =>
            {
                SetParameters(_queue, [key, StatusText(status), Instant(now)]);
                var queued = _queue.ExecuteNonQuery() == 1;
                if (queued)
                {
                    _outbox.Add([message], payloads);
                }

                return queued;
            },
            cancellationToken,
            [_queue, .. _outbox.Writes]);
    }

    public ValueTask CompleteAsync(string key, NotificationStatus status, DateTimeOffset now, CancellationToken cancellationToken) =>
        _database.UseAsync(() => Execute(_complete, key, StatusText(status), Instant(now)), cancellationToken);

    public ValueTask<NotificationStatus?> GetStatusAsync(string key, CancellationToken cancellationToken) =>
        _database.UseAsync(
            () =>
            {
                _status.Parameters[0].Value = key;
                return _status.ExecuteScalar() is string text ? ParseStatus<NotificationStatus>(text) : (NotificationStatus?)null;
            },
            cancellationToken);

    public ValueTask<IReadOnlyList<LedgerEntry>> ListPendingAsync(CancellationToken cancellationToken) =>
        _database.UseAsync<IReadOnlyList<LedgerEntry>>(
            () =>
            {
                using var reader = _pending.ExecuteReader();
                return ReadLedger(reader);
            },
            cancellationToken);

    private static List<LedgerEntry> ReadLedger(Microsoft.Data.Sqlite.SqliteDataReader reader)
    {
        var entries = new List<LedgerEntry>();
        while (reader.Read())
        {
            entries.Add(new LedgerEntry(
                reader.GetString(0),
                reader.GetString(1),
                ParseInstant(reader.GetString(2)),
                ParseStatus<NotificationStatus>(reader.GetString(3)),
                ParseInstant(reader.GetString(4))));
        }

        return entries;
    }
}
