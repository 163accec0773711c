using Microsoft.Data.Sqlite;

namespace RecipeBot.LoadDriver;

/// <summary>What the notification ledger says after a reminder run: rows by status, and how many are 1-hour reminders.</summary>
public sealed record LedgerCheck(IReadOnlyDictionary<string, long> ByStatus, long HourReminders, long Other)
{
    public long Count(string status) => ByStatus.GetValueOrDefault(status);

    public static LedgerCheck Read(string path)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        var byStatus = new Dictionary<string, long>(StringComparer.Ordinal);
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT status, COUNT(*) FROM notification_ledger GROUP BY status ORDER BY status";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                byStatus[reader.GetString(0)] = reader.GetInt64(1);
            }
        }

        using var kinds = connection.CreateCommand();
        kinds.CommandText = "SELECT COALESCE(SUM(key LIKE '%/lead-1h'), 0), COALESCE(SUM(key NOT LIKE '%/lead-1h'), 0) FROM notification_ledger";
        using var counts = kinds.ExecuteReader();
        counts.Read();
        return new LedgerCheck(byStatus, counts.GetInt64(0), counts.GetInt64(1));
    }
}
