namespace RecipeBot.LoadDriver;

/// <summary>A fresh temporary folder for one run's SQLite file, deleted afterwards unless the user keeps it.</summary>
internal static class RunDirectory
{
    /// <summary>Runs <paramref name="run"/> on a new database path; <paramref name="run"/> reads the file only after the bot has closed it.</summary>
    public static async Task<T> WithDatabaseAsync<T>(string prefix, string fileName, bool keep, TextWriter progress, Func<string, Task<T>> run)
    {
        var directory = Directory.CreateTempSubdirectory(prefix);
        var databasePath = Path.Combine(directory.FullName, fileName);
        try
        {
            var result = await run(databasePath).ConfigureAwait(false);
            if (keep)
            {
                await progress.WriteLineAsync($"SQLite file kept: {databasePath}").ConfigureAwait(false);
            }

            return result;
        }
        finally
        {
            if (!keep)
            {
                directory.Delete(recursive: true);
            }
        }
    }
}
