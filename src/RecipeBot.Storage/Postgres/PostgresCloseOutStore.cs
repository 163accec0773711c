using System.Text.Json;
using Npgsql;
using RecipeBot.Core.CloseOuts;
using static RecipeBot.Storage.Postgres.PostgresDatabase;

namespace RecipeBot.Storage.Postgres;

/// <summary>Meeting close-outs on PostgreSQL, one row per meeting occurrence; organisations and decisions as <c>jsonb</c> arrays.</summary>
public sealed class PostgresCloseOutStore(PostgresDatabase database) : ICloseOutStore
{
    private const string Columns = "meeting_id, occurrence, conversation_id, closed_by, step, minutes_link, attendees, organisations::text, decisions::text, started_at, closed_at";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public ValueTask SaveAsync(MeetingCloseOut closeOut, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(closeOut);
        return database.WriteAsync(
            (connection, transaction, token) => ExecuteAsync(
                connection,
                transaction,
                """
                INSERT INTO meeting_close_outs (meeting_id, occurrence, conversation_id, closed_by, step, minutes_link, attendees, organisations, decisions, started_at, closed_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::jsonb, $10, $11)
                ON CONFLICT (meeting_id, occurrence) DO UPDATE SET
                    conversation_id = excluded.conversation_id, closed_by = excluded.closed_by, step = excluded.step,
                    minutes_link = excluded.minutes_link, attendees = excluded.attendees, organisations = excluded.organisations,
                    decisions = excluded.decisions, started_at = excluded.started_at, closed_at = excluded.closed_at
                """,
                token,
                closeOut.MeetingId,
                Utc(closeOut.Occurrence),
                closeOut.ConversationId,
                closeOut.ClosedBy,
                closeOut.Step.ToString(),
                closeOut.MinutesLink,
                closeOut.Attendees,
                JsonSerializer.Serialize(closeOut.Organisations, Json),
                JsonSerializer.Serialize(closeOut.Decisions, Json),
                Utc(closeOut.StartedAt),
                closeOut.ClosedAt is { } at ? Utc(at) : null),
            cancellationToken);
    }

    public async ValueTask<MeetingCloseOut?> GetAsync(string meetingId, DateTimeOffset occurrence, CancellationToken cancellationToken) =>
        (await ReadAsync($"SELECT {Columns} FROM meeting_close_outs WHERE meeting_id = $1 AND occurrence = $2", cancellationToken, meetingId, Utc(occurrence)).ConfigureAwait(false))
        .FirstOrDefault();

    public async ValueTask<IReadOnlyList<MeetingCloseOut>> ListAsync(string conversationId, CancellationToken cancellationToken) =>
        await ReadAsync(
            $"SELECT {Columns} FROM meeting_close_outs WHERE conversation_id = $1 ORDER BY occurrence, meeting_id COLLATE \"C\"", cancellationToken, conversationId)
            .ConfigureAwait(false);

    public ValueTask EraseAsync(string conversationId, string? closedBy, CancellationToken cancellationToken) =>
        database.WriteAsync(
            (connection, transaction, token) => ExecuteAsync(
                connection, transaction, "DELETE FROM meeting_close_outs WHERE conversation_id = $1 AND ($2::text IS NULL OR closed_by = $2)", token, conversationId, closedBy),
            cancellationToken);

    private ValueTask<List<MeetingCloseOut>> ReadAsync(string sql, CancellationToken cancellationToken, params object[] values) =>
        database.ReadAsync((connection, token) => QueryAsync(connection, null, sql, Read, token, values), cancellationToken);

    private static MeetingCloseOut Read(NpgsqlDataReader reader) => new(
        reader.GetString(0),
        Instant(reader, 1),
        reader.GetString(2),
        Text(reader, 3),
        Enum.Parse<CloseOutStep>(reader.GetString(4)),
        Text(reader, 5),
        reader.IsDBNull(6) ? null : reader.GetInt32(6),
        JsonSerializer.Deserialize<List<string>>(reader.GetString(7), Json) ?? [],
        JsonSerializer.Deserialize<List<CloseOutDecision>>(reader.GetString(8), Json) ?? [],
        Instant(reader, 9),
        reader.IsDBNull(10) ? null : Instant(reader, 10));
}
