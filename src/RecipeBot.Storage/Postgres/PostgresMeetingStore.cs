using Npgsql;
using RecipeBot.Core.Meetings;
using RecipeBot.Scheduling;
using static RecipeBot.Storage.Postgres.PostgresDatabase;

namespace RecipeBot.Storage.Postgres;

/// <summary>
/// Meetings, next steps and the notification ledger on PostgreSQL. A claim is a single
/// <c>INSERT … ON CONFLICT DO NOTHING</c>, atomic across every instance sharing the database; a reminder is queued in
/// the outbox in the transaction that completes its ledger key. Ties in time are broken by id in byte order
/// (<c>COLLATE "C"</c>), as in the SQLite file, whatever the database's collation.
/// </summary>
public sealed partial class PostgresMeetingStore(PostgresDatabase database, TimeProvider? time = null) : IMeetingStore
{
    private const string MeetingColumns = "id, conversation_id, created_by, rrule, start_time, first_date, time_zone, title, place, status, language, created_at, updated_at";
    private const string StepColumns = "conversation_id, situation_id, due_at, language";

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public ValueTask SaveAsync(Meeting meeting, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var schedule = meeting.Schedule;
        return database.WriteAsync(
            (connection, transaction, token) => ExecuteAsync(
                connection,
                transaction,
                $"""
                INSERT INTO meetings ({MeetingColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
                ON CONFLICT (id) DO UPDATE SET
                    conversation_id = excluded.conversation_id, created_by = excluded.created_by, rrule = excluded.rrule,
                    start_time = excluded.start_time, first_date = excluded.first_date, time_zone = excluded.time_zone,
                    title = excluded.title, place = excluded.place, status = excluded.status, language = excluded.language,
                    created_at = excluded.created_at, updated_at = excluded.updated_at
                """,
                token,
                meeting.Id,
                meeting.ConversationId,
                meeting.CreatedBy,
                schedule.RecurrenceRule,
                schedule.StartTime,
                schedule.FirstDate,
                schedule.TimeZone,
                schedule.Title,
                schedule.Place,
                StoredStatus.Text(meeting.Status),
                meeting.Language,
                Utc(meeting.CreatedAt),
                Utc(meeting.UpdatedAt)),
            cancellationToken);
    }

    public async ValueTask<Meeting?> GetAsync(string meetingId, CancellationToken cancellationToken) =>
        (await ReadMeetingsAsync($"SELECT {MeetingColumns} FROM meetings WHERE id = $1", cancellationToken, meetingId).ConfigureAwait(false)).SingleOrDefault();

    public async ValueTask<IReadOnlyList<Meeting>> ListAsync(string conversationId, CancellationToken cancellationToken) =>
        await ReadMeetingsAsync(
            $"SELECT {MeetingColumns} FROM meetings WHERE conversation_id = $1 AND status <> 'cancelled' ORDER BY created_at, id COLLATE \"C\"",
            cancellationToken,
            conversationId).ConfigureAwait(false);

    public async ValueTask<IReadOnlyList<Meeting>> ListActiveAsync(CancellationToken cancellationToken) =>
        await ReadMeetingsAsync($"SELECT {MeetingColumns} FROM meetings WHERE status = 'active' ORDER BY created_at, id COLLATE \"C\"", cancellationToken).ConfigureAwait(false);

    public async ValueTask<IReadOnlyList<Meeting>> PauseAllAsync(string conversationId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var paused = await database.WriteAndReturnAsync(
            (connection, transaction, token) => QueryAsync(
                connection,
                transaction,
                $"UPDATE meetings SET status = 'paused', updated_at = $2 WHERE conversation_id = $1 AND status = 'active' RETURNING {MeetingColumns}",
                ReadMeeting,
                token,
                conversationId,
                Utc(now)),
            cancellationToken).ConfigureAwait(false);
        // RETURNING gives no order; sort the paused meetings as every list here is.
        return [.. paused.OrderBy(m => m.CreatedAt).ThenBy(m => m.Id, StringComparer.Ordinal)];
    }

    public ValueTask MoveAsync(string fromConversationId, string toConversationId, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, transaction, token) =>
            {
                await ExecuteAsync(connection, transaction, "UPDATE meetings SET conversation_id = $2 WHERE conversation_id = $1", token, fromConversationId, toConversationId).ConfigureAwait(false);
                // A step the target conversation already has wins; the source's copy is dropped.
                await ExecuteAsync(
                    connection,
                    transaction,
                    """
                    UPDATE next_steps AS s SET conversation_id = $2 WHERE s.conversation_id = $1
                    AND NOT EXISTS (SELECT 1 FROM next_steps AS t WHERE t.conversation_id = $2 AND t.situation_id = s.situation_id)
                    """,
                    token,
                    fromConversationId,
                    toConversationId).ConfigureAwait(false);
                await ExecuteAsync(connection, transaction, "DELETE FROM next_steps WHERE conversation_id = $1", token, fromConversationId).ConfigureAwait(false);
            },
            cancellationToken);

    public ValueTask SaveNextStepAsync(NextStep step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        return database.WriteAsync(
            (connection, transaction, token) => ExecuteAsync(
                connection,
                transaction,
                $"""
                INSERT INTO next_steps ({StepColumns}) VALUES ($1, $2, $3, $4)
                ON CONFLICT (conversation_id, situation_id) DO UPDATE SET due_at = excluded.due_at, language = excluded.language
                """,
                token,
                step.ConversationId,
                step.SituationId,
                Utc(step.DueAt),
                step.Language),
            cancellationToken);
    }

    public async ValueTask<NextStep?> GetNextStepAsync(string conversationId, string situationId, CancellationToken cancellationToken) =>
        (await ReadStepsAsync($"SELECT {StepColumns} FROM next_steps WHERE conversation_id = $1 AND situation_id = $2", cancellationToken, conversationId, situationId).ConfigureAwait(false))
        .SingleOrDefault();

    public ValueTask DeleteNextStepAsync(string conversationId, string situationId, CancellationToken cancellationToken) =>
        database.WriteAsync(
            (connection, transaction, token) => ExecuteAsync(
                connection, transaction, "DELETE FROM next_steps WHERE conversation_id = $1 AND situation_id = $2", token, conversationId, situationId),
            cancellationToken);

    public async ValueTask<IReadOnlyList<NextStep>> ListNextStepsAsync(CancellationToken cancellationToken) =>
        await ReadStepsAsync(
            $"SELECT {StepColumns} FROM next_steps ORDER BY due_at, conversation_id COLLATE \"C\", situation_id COLLATE \"C\"", cancellationToken).ConfigureAwait(false);

    private ValueTask<List<Meeting>> ReadMeetingsAsync(string sql, CancellationToken cancellationToken, params object?[] values) =>
        database.ReadAsync((connection, token) => QueryAsync(connection, null, sql, ReadMeeting, token, values), cancellationToken);

    private ValueTask<List<NextStep>> ReadStepsAsync(string sql, CancellationToken cancellationToken, params object?[] values) =>
        database.ReadAsync(
            (connection, token) => QueryAsync(connection, null, sql, r => new NextStep(r.GetString(0), r.GetString(1), Instant(r, 2), r.GetString(3)), token, values),
            cancellationToken);

    private static Meeting ReadMeeting(NpgsqlDataReader reader)
    {
        var schedule = new MeetingSchedule(
            reader.GetString(3),
            reader.GetFieldValue<TimeOnly>(4),
            reader.GetFieldValue<DateOnly>(5),
            reader.GetString(6),
            Text(reader, 7),
            Text(reader, 8));
        return new Meeting(
            reader.GetString(0),
            reader.GetString(1),
            Text(reader, 2),
            schedule,
            StoredStatus.Parse<MeetingStatus>(reader.GetString(9)),
            reader.GetString(10),
            Instant(reader, 11),
            Instant(reader, 12));
    }
}
