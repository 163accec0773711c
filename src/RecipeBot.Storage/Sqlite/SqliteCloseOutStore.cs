using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using RecipeBot.Core.CloseOuts;

namespace RecipeBot.Storage.Sqlite;

/// <summary>
/// Meeting close-outs in the bot's SQLite file, one row per meeting occurrence; organisations and decisions as JSON
/// arrays. Instants are round-trip UTC text, so ordering by the text is ordering in time.
/// </summary>
public sealed class SqliteCloseOutStore : ICloseOutStore
{
    private const string Columns = "meeting_id, occurrence, conversation_id, closed_by, step, minutes_link, attendees, organisations, decisions, started_at, closed_at";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly SqliteDatabase _database;
    private readonly SqliteCommand _save;
    private readonly SqliteCommand _get;
    private readonly SqliteCommand _list;
    private readonly SqliteCommand _erase;

    public SqliteCloseOutStore(SqliteDatabase database)
    {
        _database = database;
        _save = database.Prepare(
            $"INSERT OR REPLACE INTO meeting_close_outs ({Columns}) VALUES ($meeting, $occurrence, $conversation, $by, $step, $link, $attendees, $organisations, $decisions, $started, $closed)",
            "$meeting", "$occurrence", "$conversation", "$by", "$step", "$link", "$attendees", "$organisations", "$decisions", "$started", "$closed");
        _get = database.Prepare($"SELECT {Columns} FROM meeting_close_outs WHERE meeting_id = $meeting AND occurrence = $occurrence", "$meeting", "$occurrence");
        _list = database.Prepare($"SELECT {Columns} FROM meeting_close_outs WHERE conversation_id = $conversation ORDER BY occurrence, meeting_id", "$conversation");
        _erase = database.Prepare(
            "DELETE FROM meeting_close_outs WHERE conversation_id = $conversation AND ($by IS NULL OR closed_by = $by)", "$conversation", "$by");
    }

    public ValueTask SaveAsync(MeetingCloseOut closeOut, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(closeOut);
        object?[] values =
        [
            closeOut.MeetingId, Instant(closeOut.Occurrence), closeOut.ConversationId, closeOut.ClosedBy, closeOut.Step.ToString(),
            closeOut.MinutesLink, closeOut.Attendees, JsonSerializer.Serialize(closeOut.Organisations, Json),
            JsonSerializer.Serialize(closeOut.Decisions, Json), Instant(closeOut.StartedAt), closeOut.ClosedAt is { } at ? Instant(at) : null,
        ];
        return _database.UseAsync(() => Run(_save, values), cancellationToken);
    }

    public ValueTask<MeetingCloseOut?> GetAsync(string meetingId, DateTimeOffset occurrence, CancellationToken cancellationToken) =>
        _database.UseAsync(() => Read(_get, meetingId, Instant(occurrence)).FirstOrDefault(), cancellationToken);

    public ValueTask<IReadOnlyList<MeetingCloseOut>> ListAsync(string conversationId, CancellationToken cancellationToken) =>
        _database.UseAsync<IReadOnlyList<MeetingCloseOut>>(() => Read(_list, conversationId), cancellationToken);

    public ValueTask EraseAsync(string conversationId, string? closedBy, CancellationToken cancellationToken) =>
        _database.UseAsync(() => Run(_erase, [conversationId, closedBy]), cancellationToken);

    private static void Run(SqliteCommand command, object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        command.ExecuteNonQuery();
    }

    private static List<MeetingCloseOut> Read(SqliteCommand command, params string[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }

        using var reader = command.ExecuteReader();
        var found = new List<MeetingCloseOut>();
        while (reader.Read())
        {
            found.Add(new MeetingCloseOut(
                reader.GetString(0),
                Parse(reader.GetString(1)),
                reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                Enum.Parse<CloseOutStep>(reader.GetString(4)),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetInt32(6),
                JsonSerializer.Deserialize<List<string>>(reader.GetString(7), Json) ?? [],
                JsonSerializer.Deserialize<List<CloseOutDecision>>(reader.GetString(8), Json) ?? [],
                Parse(reader.GetString(9)),
                reader.IsDBNull(10) ? null : Parse(reader.GetString(10))));
        }

        return found;
    }

    internal static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    internal static DateTimeOffset Parse(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
