using System.Globalization;
using Microsoft.Data.Sqlite;
using RecipeBot.Core.Channels;

namespace RecipeBot.Storage.Sqlite;

/// <summary>
/// Web chat transcripts in the bot's SQLite file: one row per activity, numbered 1, 2, 3 … within its conversation
/// (the watermark), so a visitor learns nothing of other conversations from the numbers.
/// </summary>
public sealed partial class SqliteTranscriptStore : ITranscriptStore
{
    private readonly SqliteDatabase _database;
    private readonly TimeProvider _time;
    private readonly SqliteCommand _append;
    private readonly SqliteCommand _find;
    private readonly SqliteCommand _read;

    public SqliteTranscriptStore(SqliteDatabase database, TimeProvider time)
    {
        _database = database;
        _time = time;
        // The connection runs one statement at a time, so MAX + 1 cannot race with another append.
        _append = database.Prepare(
            """
            INSERT INTO webchat_activities (conversation_id, watermark, activity_id, activity, created_at)
            SELECT $conversation, COALESCE(MAX(watermark), 0) + 1, $id, $activity, $at FROM webchat_activities WHERE conversation_id = $conversation
            ON CONFLICT DO NOTHING
            RETURNING watermark
            """,
            "$conversation", "$id", "$activity", "$at");
        _find = database.Prepare(
            "SELECT watermark FROM webchat_activities WHERE conversation_id = $conversation AND activity_id = $id",
            "$conversation", "$id");
        _read = database.Prepare(
            "SELECT watermark, activity_id, activity FROM webchat_activities WHERE conversation_id = $conversation AND watermark > $after ORDER BY watermark LIMIT $max",
            "$conversation", "$after", "$max");
        _activitiesOf = database.Prepare("SELECT activity FROM webchat_activities WHERE conversation_id = $conversation ORDER BY watermark", "$conversation");
        _deleteActivities = database.Prepare("DELETE FROM webchat_activities WHERE conversation_id = $conversation", "$conversation");
    }

    public ValueTask<long> AppendAsync(string conversationId, string activityId, string activity, CancellationToken cancellationToken) =>
        _database.UseAsync(
            () =>
            {
                _append.Parameters[0].Value = conversationId;
                _append.Parameters[1].Value = activityId;
                _append.Parameters[2].Value = activity;
                _append.Parameters[3].Value = _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
                if (_append.ExecuteScalar() is long watermark)
                {
                    return watermark;
                }

                // Appended before (a redelivery): the watermark it has.
                _find.Parameters[0].Value = conversationId;
                _find.Parameters[1].Value = activityId;
                return Convert.ToInt64(_find.ExecuteScalar(), CultureInfo.InvariantCulture);
            },
            cancellationToken);

    public ValueTask<IReadOnlyList<TranscriptEntry>> ReadAsync(string conversationId, long afterWatermark, int max, CancellationToken cancellationToken) =>
        _database.UseAsync<IReadOnlyList<TranscriptEntry>>(
            () =>
            {
                _read.Parameters[0].Value = conversationId;
                _read.Parameters[1].Value = afterWatermark;
                _read.Parameters[2].Value = max;
                using var reader = _read.ExecuteReader();
                var entries = new List<TranscriptEntry>();
                while (reader.Read())
                {
                    entries.Add(new TranscriptEntry(reader.GetInt64(0), reader.GetString(1), reader.GetString(2)));
                }

                return entries;
            },
            cancellationToken);
}
