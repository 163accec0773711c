using Microsoft.Data.Sqlite;
using RecipeBot.Core.Stats;

namespace RecipeBot.Storage.Sqlite;

/// <summary>
/// The activity the council's figures count, in the bot's SQLite file: one row per conversation, kind, subject and
/// day (UTC), so a repeated turn counts once.
/// </summary>
public sealed class SqliteActivityLog : IActivityLog
{
    private readonly SqliteDatabase _database;
    private readonly SqliteCommand _record;
    private readonly SqliteCommand _list;
    private readonly SqliteCommand _erase;

    public SqliteActivityLog(SqliteDatabase database)
    {
        _database = database;
        _record = database.Prepare(
            "INSERT INTO activity (conversation_id, kind, subject, day, at) VALUES ($conversation, $kind, $subject, substr($at, 1, 10), $at) ON CONFLICT DO NOTHING",
            "$conversation", "$kind", "$subject", "$at");
        _list = database.Prepare("SELECT conversation_id, kind, subject, at FROM activity WHERE conversation_id = $conversation ORDER BY at", "$conversation");
        _erase = database.Prepare("DELETE FROM activity WHERE conversation_id = $conversation", "$conversation");
    }

    public ValueTask RecordAsync(ActivityEvent activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        // Shares the commit of the turns saved at the same moment rather than taking one of its own.
        return _database.WriteAsync(
            () =>
            {
                _record.Parameters[0].Value = activity.ConversationId;
                _record.Parameters[1].Value = activity.Kind;
                _record.Parameters[2].Value = activity.Subject;
                _record.Parameters[3].Value = SqliteCloseOutStore.Instant(activity.At);
                _record.ExecuteNonQuery();
            },
            cancellationToken,
            _record);
    }

    public ValueTask<IReadOnlyList<ActivityEvent>> ListAsync(string conversationId, CancellationToken cancellationToken) =>
        _database.UseAsync<IReadOnlyList<ActivityEvent>>(
            () =>
            {
                _list.Parameters[0].Value = conversationId;
                using var reader = _list.ExecuteReader();
                var events = new List<ActivityEvent>();
                while (reader.Read())
                {
                    events.Add(new ActivityEvent(reader.GetString(0), reader.GetString(1), reader.GetString(2), SqliteCloseOutStore.Parse(reader.GetString(3))));
                }

                return events;
            },
            cancellationToken);

    public ValueTask EraseAsync(string conversationId, CancellationToken cancellationToken) =>
        _database.UseAsync(
            () =>
            {
                _erase.Parameters[0].Value = conversationId;
                _erase.ExecuteNonQuery();
            },
            cancellationToken);
}
