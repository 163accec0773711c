using System.Data;
using DbUp.Engine;

namespace RecipeBot.Storage.Migrations;

/// <summary>
/// Adds the conversation columns that versions before migrations added one by one at start-up, to a file that lacks
/// them. Runs once, after <c>0001_baseline.sql</c>; on a new file there is nothing to add.
/// </summary>
internal sealed class SqliteLegacyColumns : IScript
{
    public const string Name = "0002_legacy_columns";

    private static readonly (string Column, string Definition)[] Columns =
    [
        ("deliveries", "TEXT NOT NULL DEFAULT ''"),
        ("clarification", "TEXT NOT NULL DEFAULT ''"),
        ("misses", "INTEGER NOT NULL DEFAULT 0"),
        ("time_zone", "TEXT NULL"),
        ("schedule_draft", "TEXT NULL"),
        ("offered", "TEXT NOT NULL DEFAULT ''"),
        ("failures", "INTEGER NOT NULL DEFAULT 0"),
    ];

    public string ProvideScript(Func<IDbCommand> dbCommandFactory)
    {
        ArgumentNullException.ThrowIfNull(dbCommandFactory);
        var present = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        using (var command = dbCommandFactory())
        {
            command.CommandText = "SELECT name FROM pragma_table_info('conversations')";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                present.Add(reader.GetString(0));
            }
        }

        var missing = Columns.Where(c => !present.Contains(c.Column)).Select(c => $"ALTER TABLE conversations ADD COLUMN {c.Column} {c.Definition};");
        // DbUp needs a statement to run even when nothing is missing.
        return string.Join('\n', missing.DefaultIfEmpty("SELECT 1;"));
    }
}
