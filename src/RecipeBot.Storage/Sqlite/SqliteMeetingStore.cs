using System.Globalization;
using Microsoft.Data.Sqlite;
using RecipeBot.Core.Meetings;
using RecipeBot.Scheduling;

namespace RecipeBot.Storage.Sqlite;

/// <summary>
/// Meetings, next steps and the notification ledger in the bot's SQLite file. Instants are stored
/// as round-trip UTC text, so ordering by the text is ordering in time. A claim is a single
/// <c>INSERT … ON CONFLICT DO NOTHING</c>: SQLite's write lock makes it atomic across every
/// process sharing the file. A reminder is queued in the file's outbox in the transaction that
/// completes its ledger key.
/// </summary>
public sealed partial class SqliteMeetingStore : IMeetingStore
{
    private const string MeetingColumns = "id, conversation_id, created_by, rrule, start_time, first_date, time_zone, title, place, status, language, created_at, updated_at";
    private const string TimeFormat = "HH:mm";
    private const string DateFormat = "yyyy-MM-dd";

    private readonly SqliteDatabase _database;
    private readonly SqliteCommand _save;
    private readonly SqliteCommand _get;
    private readonly SqliteCommand _list;
    private readonly SqliteCommand _listActive;
    private readonly SqliteCommand _pauseAll;
    private readonly SqliteCommand _moveMeetings;
    private readonly SqliteCommand _moveSteps;
    private readonly SqliteCommand _dropMovedSteps;
    private readonly SqliteCommand _saveStep;
    private readonly SqliteCommand _getStep;
    private readonly SqliteCommand _deleteStep;
    private readonly SqliteCommand _listSteps;
    private readonly SqliteCommand _claim;
    private readonly SqliteCommand _complete;
    private readonly SqliteCommand _takeOver;
    private readonly SqliteCommand _status;
    private readonly SqliteCommand _pending;
    private readonly SqliteCommand _queue;
    private readonly SqliteOutbox _outbox;

    public SqliteMeetingStore(SqliteDatabase database, TimeProvider? time = null)
    {
        _database = database;
        _save = database.Prepare(
            $"""
            INSERT INTO meetings ({MeetingColumns})
            VALUES ($id, $conversation, $createdBy, $rrule, $start, $first, $zone, $title, $place, $status, $language, $created, $updated)
            ON CONFLICT (id) DO UPDATE SET
                conversation_id = excluded.conversation_id, created_by = excluded.created_by, rrule = excluded.rrule,
                start_time = excluded.start_time, first_date = excluded.first_date, time_zone = excluded.time_zone,
                title = excluded.title, place = excluded.place, status = excluded.status, language = excluded.language,
                created_at = excluded.created_at, updated_at = excluded.updated_at
            """,
            "$id", "$conversation", "$createdBy", "$rrule", "$start", "$first", "$zone", "$title", "$place", "$status", "$language", "$created", "$updated");
        _get = database.Prepare($"SELECT {MeetingColumns} FROM meetings WHERE id = $id", "$id");
        _list = database.Prepare(
            $"SELECT {MeetingColumns} FROM meetings WHERE conversation_id = $conversation AND status <> 'cancelled' ORDER BY created_at, id",
            "$conversation");
        _listActive = database.Prepare($"SELECT {MeetingColumns} FROM meetings WHERE status = 'active' ORDER BY created_at, id");
        _pauseAll = database.Prepare(
            $"UPDATE meetings SET status = 'paused', updated_at = $now WHERE conversation_id = $conversation AND status = 'active' RETURNING {MeetingColumns}",
            "$conversation", "$now");
        _moveMeetings = database.Prepare("UPDATE meetings SET conversation_id = $to WHERE conversation_id = $from", "$from", "$to");
        // A step the target conversation already has wins; the source's copy is dropped below.
        _moveSteps = database.Prepare("UPDATE OR IGNORE next_steps SET conversation_id = $to WHERE conversation_id = $from", "$from", "$to");
        _dropMovedSteps = database.Prepare("DELETE FROM next_steps WHERE conversation_id = $from", "$from");

        _saveStep = database.Prepare(
            """
            INSERT INTO next_steps (conversation_id, situation_id, due_at, language) VALUES ($conversation, $situation, $due, $language)
            ON CONFLICT (conversation_id, situation_id) DO UPDATE SET due_at = excluded.due_at, language = excluded.language
            """,
            "$conversation", "$situation", "$due", "$language");
        _getStep = database.Prepare(
            "SELECT conversation_id, situation_id, due_at, language FROM next_steps WHERE conversation_id = $conversation AND situation_id = $situation",
            "$conversation", "$situation");
        _deleteStep = database.Prepare(
            "DELETE FROM next_steps WHERE conversation_id = $conversation AND situation_id = $situation",
            "$conversation", "$situation");
        _listSteps = database.Prepare("SELECT conversation_id, situation_id, due_at, language FROM next_steps ORDER BY due_at, conversation_id, situation_id");

        _claim = database.Prepare(
            "INSERT INTO notification_ledger (key, owner_id, due_at, status, updated_at) VALUES ($key, $owner, $due, $status, $now) ON CONFLICT (key) DO NOTHING",
            "$key", "$owner", "$due", "$status", "$now");
        _takeOver = database.Prepare(
            """
            UPDATE notification_ledger SET owner_id = $owner, updated_at = $now
            WHERE key = $key AND status = 'pending' AND (owner_id = $owner OR updated_at <= $staleBefore)
            """,
            "$key", "$owner", "$now", "$staleBefore");
        _complete = database.Prepare("UPDATE notification_ledger SET status = $status, updated_at = $now WHERE key = $key AND status = 'pending'", "$key", "$status", "$now");
        _status = database.Prepare("SELECT status FROM notification_ledger WHERE key = $key", "$key");
        _pending = database.Prepare("SELECT key, owner_id, due_at, status, updated_at FROM notification_ledger WHERE status = 'pending' ORDER BY updated_at, key");
        _queue = database.Prepare(
            "UPDATE notification_ledger SET status = $status, updated_at = $now WHERE key = $key AND status = 'pending'",
            "$key", "$status", "$now");
        _outbox = new SqliteOutbox(database, time ?? TimeProvider.System);
        (_listAll, _ledgerByPrefix, _deleteMeeting, _deleteLedgerByPrefix, _deleteSteps) = PreparePersonalData(database);
    }

    public ValueTask SaveAsync(Meeting meeting, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var schedule = meeting.Schedule;
        object[] values =
        [
            meeting.Id, meeting.ConversationId, Nullable(meeting.CreatedBy), schedule.RecurrenceRule,
            schedule.StartTime.ToString(TimeFormat, CultureInfo.InvariantCulture),
            schedule.FirstDate.ToString(DateFormat, CultureInfo.InvariantCulture),
            schedule.TimeZone, Nullable(schedule.Title), Nullable(schedule.Place), StatusText(meeting.Status),
            meeting.Language, Instant(meeting.CreatedAt), Instant(meeting.UpdatedAt),
        ];
        return _database.UseAsync(() => Execute(_save, values), cancellationToken);
    }

    public ValueTask<Meeting?> GetAsync(string meetingId, CancellationToken cancellationToken) =>
        _database.UseAsync(() => ReadMeetings(_get, meetingId).SingleOrDefault(), cancellationToken);

    public ValueTask<IReadOnlyList<Meeting>> ListAsync(string conversationId, CancellationToken cancellationToken) =>
        _database.UseAsync<IReadOnlyList<Meeting>>(() => ReadMeetings(_list, conversationId), cancellationToken);

    public ValueTask<IReadOnlyList<Meeting>> ListActiveAsync(CancellationToken cancellationToken) =>
        _database.UseAsync<IReadOnlyList<Meeting>>(() => ReadMeetings(_listActive), cancellationToken);

    public ValueTask<IReadOnlyList<Meeting>> PauseAllAsync(string conversationId, DateTimeOffset now, CancellationToken cancellationToken) =>
        _database.UseAsync<IReadOnlyList<Meeting>>(
            // RETURNING gives no order; sort the paused meetings as every list here is.
            () => [.. ReadMeetings(_pauseAll, conversationId, Instant(now)).OrderBy(m => m.CreatedAt).ThenBy(m => m.Id, StringComparer.Ordinal)],
            cancellationToken);

    public ValueTask MoveAsync(string fromConversationId, string toConversationId, CancellationToken cancellationToken) =>
        _database.UseAsync(
            () =>
            {
                SqliteCommand[] commands = [_moveMeetings, _moveSteps, _dropMovedSteps];
                using var transaction = _database.Connection.BeginTransaction();
                Array.ForEach(commands, c => c.Transaction = transaction);
                try
                {
                    Execute(_moveMeetings, fromConversationId, toConversationId);
                    Execute(_moveSteps, fromConversationId, toConversationId);
                    Execute(_dropMovedSteps, fromConversationId);
                    transaction.Commit();
                }
                finally
                {
                    Array.ForEach(commands, c => c.Transaction = null);
                }
            },
            cancellationToken);

    public ValueTask SaveNextStepAsync(NextStep step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        return _database.UseAsync(
            () => Execute(_saveStep, step.ConversationId, step.SituationId, Instant(step.DueAt), step.Language),
            cancellationToken);
    }

    public ValueTask<NextStep?> GetNextStepAsync(string conversationId, string situationId, CancellationToken cancellationToken) =>
        _database.UseAsync(() => ReadSteps(_getStep, conversationId, situationId).SingleOrDefault(), cancellationToken);

    public ValueTask DeleteNextStepAsync(string conversationId, string situationId, CancellationToken cancellationToken) =>
        _database.UseAsync(() => Execute(_deleteStep, conversationId, situationId), cancellationToken);

    public ValueTask<IReadOnlyList<NextStep>> ListNextStepsAsync(CancellationToken cancellationToken) =>
        _database.UseAsync<IReadOnlyList<NextStep>>(() => ReadSteps(_listSteps), cancellationToken);

    private static List<Meeting> ReadMeetings(SqliteCommand command, params object[] values)
    {
        SetParameters(command, values);
        using var reader = command.ExecuteReader();
        var meetings = new List<Meeting>();
        while (reader.Read())
        {
            var schedule = new MeetingSchedule(
                reader.GetString(3),
                TimeOnly.ParseExact(reader.GetString(4), TimeFormat, CultureInfo.InvariantCulture),
                DateOnly.ParseExact(reader.GetString(5), DateFormat, CultureInfo.InvariantCulture),
                reader.GetString(6),
                Text(reader, 7),
                Text(reader, 8));
            meetings.Add(new Meeting(
                reader.GetString(0),
                reader.GetString(1),
                Text(reader, 2),
                schedule,
                ParseStatus<MeetingStatus>(reader.GetString(9)),
                reader.GetString(10),
                ParseInstant(reader.GetString(11)),
                ParseInstant(reader.GetString(12))));
        }

        return meetings;
    }

    private static List<NextStep> ReadSteps(SqliteCommand command, params object[] values)
    {
        SetParameters(command, values);
        using var reader = command.ExecuteReader();
        var steps = new List<NextStep>();
        while (reader.Read())
        {
            steps.Add(new NextStep(reader.GetString(0), reader.GetString(1), ParseInstant(reader.GetString(2)), reader.GetString(3)));
        }

        return steps;
    }

    private static void Execute(SqliteCommand command, params object[] values)
    {
        SetParameters(command, values);
        command.ExecuteNonQuery();
    }

    private static void SetParameters(SqliteCommand command, object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }
    }

    private static string StatusText<T>(T value)
        where T : struct, Enum => StoredStatus.Text(value);

    private static T ParseStatus<T>(string text)
        where T : struct, Enum => StoredStatus.Parse<T>(text);

    private static object Nullable(string? value) => (object?)value ?? DBNull.Value;

    private static string? Text(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    /// <summary>Fixed-width UTC text ("2026-12-08T16:00:00.0000000Z"): sorts as the instants do.</summary>
    private static string Instant(DateTimeOffset value) => value.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseInstant(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
