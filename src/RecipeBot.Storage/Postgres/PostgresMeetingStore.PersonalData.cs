using RecipeBot.Core.Meetings;
using static RecipeBot.Storage.Postgres.PostgresDatabase;

namespace RecipeBot.Storage.Postgres;

/// <summary>What an export lists and an erasure deletes: all of a conversation's meetings, ledger rows by key prefix.</summary>
public sealed partial class PostgresMeetingStore
{
    public async ValueTask<IReadOnlyList<Meeting>> ListAllAsync(string conversationId, CancellationToken cancellationToken) =>
        await ReadMeetingsAsync($"SELECT {MeetingColumns} FROM meetings WHERE conversation_id = $1 ORDER BY created_at, id COLLATE \"C\"", cancellationToken, conversationId)
            .ConfigureAwait(false);

    // starts_with, not LIKE: ids may hold '%' or '_'.
    public async ValueTask<IReadOnlyList<LedgerEntry>> ListLedgerAsync(string keyPrefix, CancellationToken cancellationToken) =>
        await database.ReadAsync(
            (connection, token) => QueryAsync(
                connection,
                null,
                "SELECT key, owner_id, due_at, status, updated_at FROM notification_ledger WHERE starts_with(key, $1) ORDER BY key COLLATE \"C\"",
                ReadLedger,
                token,
                keyPrefix),
            cancellationToken).ConfigureAwait(false);

    public ValueTask EraseAsync(IReadOnlyList<string> meetingIds, string? nextStepsOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(meetingIds);
        var ids = meetingIds.ToArray();
        string[] prefixes = [.. meetingIds.Select(NotificationKeys.MeetingPrefix), .. nextStepsOf is null ? [] : new[] { NotificationKeys.NextStepPrefix(nextStepsOf) }];
        return database.WriteAsync(
            async (connection, transaction, token) =>
            {
                await ExecuteAsync(connection, transaction, "DELETE FROM meetings WHERE id = ANY($1)", token, (object)ids).ConfigureAwait(false);
                await ExecuteAsync(
                    connection, transaction, "DELETE FROM notification_ledger WHERE EXISTS (SELECT 1 FROM unnest($1::text[]) AS p (prefix) WHERE starts_with(key, p.prefix))", token, (object)prefixes)
                    .ConfigureAwait(false);
                if (nextStepsOf is not null)
                {
                    await ExecuteAsync(connection, transaction, "DELETE FROM next_steps WHERE conversation_id = $1", token, nextStepsOf).ConfigureAwait(false);
                }
            },
            cancellationToken);
    }
}
