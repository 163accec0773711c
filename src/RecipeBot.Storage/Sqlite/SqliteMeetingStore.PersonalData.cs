using Microsoft.Data.Sqlite;
using RecipeBot.Core.Meetings;

namespace RecipeBot.Storage.Sqlite;

/// <summary>What an export lists and an erasure deletes: all of a conversation's meetings, ledger rows by key prefix.</summary>
public sealed partial class SqliteMeetingStore
{
    private readonly SqliteCommand _listAll;
    private readonly SqliteCommand _ledgerByPrefix;
    private readonly SqliteCommand _deleteMeeting;
    private readonly SqliteCommand _deleteLedgerByPrefix;
    private readonly SqliteCommand _deleteSteps;

    public ValueTask<IReadOnlyList<Meeting>> ListAllAsync(string conversationId, CancellationToken cancellationToken) =>
        _database.UseAsync<IReadOnlyList<Meeting>>(() => ReadMeetings(_listAll, conversationId), cancellationToken);

    public ValueTask<IReadOnlyList<LedgerEntry>> ListLedgerAsync(string keyPrefix, CancellationToken cancellationToken) =>
        _database.UseAsync<IReadOnlyList<LedgerEntry>>(
            () =>
            {
                SetParameters(_ledgerByPrefix, [keyPrefix]);
                using var reader = _ledgerByPrefix.ExecuteReader();
                return ReadLedger(reader);
            },
            cancellationToken);

    public ValueTask EraseAsync(IReadOnlyList<string> meetingIds, string? nextStepsOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(meetingIds);
        return _database.UseAsync(
            () => _database.InTransaction(
                () =>
                {
                    foreach (var id in meetingIds)
                    {
                        Execute(_deleteMeeting, id);
                        Execute(_deleteLedgerByPrefix, NotificationKeys.MeetingPrefix(id));
                    }

                    if (nextStepsOf is not null)
                    {
                        Execute(_deleteSteps, nextStepsOf);
                        Execute(_deleteLedgerByPrefix, NotificationKeys.NextStepPrefix(nextStepsOf));
                    }
                },
                _deleteMeeting,
                _deleteLedgerByPrefix,
                _deleteSteps),
            cancellationToken);
    }

    private static (SqliteCommand, SqliteCommand, SqliteCommand, SqliteCommand, SqliteCommand) PreparePersonalData(SqliteDatabase database) =>
    (
        database.Prepare($"SELECT {MeetingColumns} FROM meetings WHERE conversation_id = $conversation ORDER BY created_at, id", "$conversation"),
        // substr, not LIKE: ids may hold '%' or '_'.
        database.Prepare(
            "SELECT key, owner_id, due_at, status, updated_at FROM notification_ledger WHERE substr(key, 1, length($prefix)) = $prefix ORDER BY key",
            "$prefix"),
        database.Prepare("DELETE FROM meetings WHERE id = $id", "$id"),
        database.Prepare("DELETE FROM notification_ledger WHERE substr(key, 1, length($prefix)) = $prefix", "$prefix"),
        database.Prepare("DELETE FROM next_steps WHERE conversation_id = $conversation", "$conversation")
    );
}
