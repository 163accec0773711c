using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace RecipeBot.EndToEnd.Tests;

/// <summary>Faults at start-up: the built program exits non-zero with one line on stderr that names the problem, and no stack trace.</summary>
public sealed class StartupFaultTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("recipebot-faults-").FullName;
    private readonly List<string> _immutable = [];

    private string DatabasePath => Path.Combine(_directory, "state", "bot.db");

    public void Dispose()
    {
        foreach (var file in _immutable)
        {
            Chattr("-i", file);
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Theory]
    [InlineData("Storage__Provider", "mongo", "RecipeBot cannot start: Storage:Provider must be 'sqlite', 'postgres' or 'memory'.")]
    [InlineData("RecipeBot__MaxTextLength", "abc", "RecipeBot cannot start: Failed to convert configuration value 'abc' at 'RecipeBot:MaxTextLength' to type 'System.Int32'.")]
    [InlineData("RecipeBot__MaxTextLength", "0", "RecipeBot cannot start: RecipeBot:MaxTextLength: The field MaxTextLength must be between 1 and 100000.")]
    [InlineData("Reminders__CloseAfter", "soon", "RecipeBot cannot start: Failed to convert configuration value 'soon' at 'Reminders:CloseAfter' to type 'System.TimeSpan'.")]
    [InlineData("Reminders__Enabled", "maybe", "RecipeBot cannot start: Failed to convert configuration value 'maybe' at 'Reminders:Enabled' to type 'System.Boolean'.")]
    [InlineData("RecipeBot__ContentPath", "/nowhere/dialogs", "RecipeBot cannot start: the content has 1 problem(s), the first: /nowhere/dialogs:1: the content folder does not exist; 'validate' lists them all")]
    public async Task ABadSetting_StopsTheChatWithOneLine(string setting, string value, string line)
    {
        var (exitCode, output, error) = await ChatAsync(new() { [setting] = value });

        AssertOneLineFault(exitCode, output, error, line);
    }

    [Fact]
    public async Task SeveralBadSections_AreAllNamedOnOneLine()
    {
        var (exitCode, output, error) = await ChatAsync(new() { ["Storage__Provider"] = "mongo", ["RecipeBot__MaxTextLength"] = "0", ["Reminders__CloseAfter"] = "-01:00:00" });

        AssertOneLineFault(exitCode, output, error, "RecipeBot cannot start: ");
        Assert.Contains("RecipeBot:MaxTextLength: The field MaxTextLength must be between 1 and 100000; ", error, StringComparison.Ordinal);
        Assert.Contains("Storage:Provider must be 'sqlite', 'postgres' or 'memory'; ", error, StringComparison.Ordinal);
        Assert.Contains("Reminders:CloseAfter must be zero or more", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrongLeadTime_IsNamedWithItsPosition()
    {
        var (exitCode, output, error) = await ChatAsync(new() { ["Reminders__LeadTimes__0"] = "yesterday", ["Reminders__LeadTimes__1"] = "1h" });

        AssertOneLineFault(exitCode, output, error, "RecipeBot cannot start: Reminders:LeadTimes:0 \"yesterday\" is not a lead time");
    }

    [Fact]
    public async Task ValuesInAnotherCase_AreAccepted()
    {
        var (exitCode, output, error) = await ChatAsync(
            new() { ["Storage__Provider"] = "SQLite", ["Reminders__Enabled"] = "TRUE", ["Reminders__PersistentTimers"] = "False" },
            """{"text": "/start"}""" + "\n");

        Assert.True(exitCode == 0, error);
        Assert.Contains("\"state\":\"language\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADatabaseOfRandomBytes_IsNamedAsDamaged()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        await File.WriteAllBytesAsync(DatabasePath, [.. Enumerable.Range(0, 8192).Select(i => (byte)((i * 7919) % 251))]);

        var (exitCode, output, error) = await ChatAsync([]);

        AssertOneLineFault(exitCode, output, error, $"RecipeBot cannot start: the database {DatabasePath} is not a SQLite database or is damaged (Storage:SqlitePath)");
    }

    [Fact]
    public async Task ADatabaseFolderThatCannotBeCreated_IsNamed()
    {
        // A file where the folder should be: no user, not even root, can create a folder inside it.
        var file = Path.Combine(_directory, "not-a-folder");
        await File.WriteAllTextAsync(file, "x");
        var path = Path.Combine(file, "bot.db");

        var (exitCode, output, error) = await ChatAsync(new() { ["Storage__SqlitePath"] = path });

        AssertOneLineFault(exitCode, output, error, $"RecipeBot cannot start: the database folder {file} cannot be created");
    }

    [Fact]
    public async Task AReadOnlyDatabase_IsRefusedAtStart_NotAtTheFirstTurn()
    {
        var (created, _, createError) = await ChatAsync([], """{"text": "/start"}""" + "\n");
        Assert.True(created == 0, createError);
        MakeReadOnly(DatabasePath);

        var (exitCode, output, error) = await ChatAsync([], """{"text": "/start"}""" + "\n");

        AssertOneLineFault(exitCode, output, error, $"RecipeBot cannot start: the database {DatabasePath} is read-only");
        Assert.DoesNotContain("\"state\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADatabaseLockedByAnotherProcess_IsNamedAsLocked()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        using var holder = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        holder.Open();
        using (var command = holder.CreateCommand())
        {
            // Exclusive locking mode and an open write transaction: nobody else may read or write.
            command.CommandText = "PRAGMA locking_mode = EXCLUSIVE; CREATE TABLE IF NOT EXISTS held (x); BEGIN EXCLUSIVE; INSERT INTO held VALUES (1);";
            command.ExecuteNonQuery();
        }

        var (exitCode, output, error) = await ChatAsync([]);

        AssertOneLineFault(exitCode, output, error, $"RecipeBot cannot start: the database {DatabasePath} is locked by another process (Storage:SqlitePath)");
    }

    [Fact]
    public async Task Run_WithAnUnknownTelegramMode_StopsWithOneLine()
    {
        var (exitCode, output, error) = await BotProcess.RunAsync(_directory, "", Environment(new()
        {
            ["Telegram__BotToken"] = "123456:AAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            ["Telegram__Mode"] = "push",
            ["Telegram__BaseUrl"] = "http://127.0.0.1:9",
        }), "run");

        AssertOneLineFault(exitCode, output, error, "RecipeBot cannot start: Telegram:Mode must be 'polling' or 'webhook'.");
    }

    [Fact]
    public async Task Run_OverADamagedDatabase_StopsWithOneLine()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        await File.WriteAllTextAsync(DatabasePath, "this is not a database, just some text that is long enough to be read as a header");

        var (exitCode, output, error) = await BotProcess.RunAsync(_directory, "", Environment(new()
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["DOTNET_ENVIRONMENT"] = "Development",
            ["Teams__Enabled"] = "true",
            ["Urls"] = "http://127.0.0.1:0",
        }), "run");

        AssertOneLineFault(exitCode, output, error, $"RecipeBot cannot start: the database {DatabasePath} is not a SQLite database or is damaged (Storage:SqlitePath)");
    }

    [Fact]
    public async Task APostgresServerThatIsNotThere_StopsTheStartWithOneLine_ThatNeverShowsThePassword()
    {
        using var nobody = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        nobody.Start();
        var port = ((System.Net.IPEndPoint)nobody.LocalEndpoint).Port;
        nobody.Stop();

        var (exitCode, output, error) = await ChatAsync(new()
        {
            ["Storage__Provider"] = "postgres",
            ["ConnectionStrings__Postgres"] = $"Host=127.0.0.1;Port={port};Database=recipebot;Username=bot;Password=s3cret-pw;Timeout=5",
        });

        AssertOneLineFault(exitCode, output, error, $"RecipeBot cannot start: the PostgreSQL database 127.0.0.1:{port}/recipebot cannot be reached: ");
        Assert.DoesNotContain("s3cret", error + output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostgresWithoutAConnectionString_StopsTheStartWithOneLine()
    {
        var (exitCode, output, error) = await ChatAsync(new() { ["Storage__Provider"] = "postgres" });

        AssertOneLineFault(exitCode, output, error, "RecipeBot cannot start: ConnectionStrings:Postgres is required when Storage:Provider is 'postgres'.");
    }

    private static void AssertOneLineFault(int exitCode, string output, string error, string expectedStart)
    {
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(exitCode != 0, $"exit code 0; stderr: {error}");
        Assert.True(lines.Length == 1, $"expected one line on stderr, got {lines.Length}:\n{error}");
        Assert.StartsWith(expectedStart, lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    private Task<(int ExitCode, string Output, string Error)> ChatAsync(Dictionary<string, string> settings, string input = "") =>
        BotProcess.RunAsync(_directory, input, Environment(settings), "chat", "--jsonl");

    private Dictionary<string, string> Environment(Dictionary<string, string> settings)
    {
        var environment = new Dictionary<string, string> { ["Storage__SqlitePath"] = DatabasePath };
        foreach (var (key, value) in settings)
        {
            environment[key] = value;
        }

        return environment;
    }

    /// <summary>Read-only for whoever runs the tests: permissions for a user, the immutable flag for root (whom permissions do not stop).</summary>
    private void MakeReadOnly(string file)
    {
        if (OperatingSystem.IsWindows())
        {
            File.SetAttributes(file, FileAttributes.ReadOnly);
        }
        else
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }

        if (IsWritable(file) && Chattr("+i", file))
        {
            _immutable.Add(file);
        }

        Assert.False(IsWritable(file), $"{file} could not be made read-only here (root without chattr?)");
    }

    private static bool IsWritable(string file)
    {
        try
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static bool Chattr(string flag, string file)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("chattr", [flag, file]) { RedirectStandardError = true })!;
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
