using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using RecipeBot.Storage.Postgres;

namespace RecipeBot.Tests.Postgres;

/// <summary>
/// A throw-away PostgreSQL cluster for a test run: <c>initdb</c> in a temporary folder, the server on a free
/// 127.0.0.1 port with its socket in that folder, stopped and deleted when the run ends. The binaries are found in
/// <c>RECIPEBOT_POSTGRES_BIN</c>, on PATH or under <c>/usr/lib/postgresql/*/bin</c>. As root (PostgreSQL refuses to run as root) it runs as the
/// <c>postgres</c> user through <c>runuser</c>. Each test gets a database of its own, copied from a migrated template.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    /// <summary>Names the folder of initdb and pg_ctl when they are elsewhere.</summary>
    public const string BinariesVariable = "RECIPEBOT_POSTGRES_BIN";

    private const string Template = "recipebot_template";
    private readonly string? _folder;
    private readonly string? _bin;
    private int _databases;

    public PostgresServer()
    {
        try
        {
            if (OperatingSystem.IsWindows())
            {
                throw new InvalidOperationException("the throw-away cluster is made for Linux and macOS");
            }

            _bin = FindBinaries() ?? throw new InvalidOperationException($"no PostgreSQL binaries (initdb) in {BinariesVariable}, on PATH or under /usr/lib/postgresql/*/bin; install the 'postgresql' package");
            _folder = Directory.CreateTempSubdirectory("recipebot-pg-").FullName;
            // The server runs as another user when we are root: it must reach the folder.
            File.SetUnixFileMode(_folder, (UnixFileMode)0x1FF);
            Port = FreePort();
            Run("initdb", "-D", DataFolder, "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8", "--locale=C");
            Run("pg_ctl", "-D", DataFolder, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "60", "-o",
                $"-p {Port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300", "start");
            Started = true;
            Execute("postgres", $"CREATE DATABASE {Template}");
            using (var template = new PostgresDatabase(ConnectionString(Template)))
            {
                template.Migrate();
            }

            NpgsqlConnection.ClearAllPools();
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or System.ComponentModel.Win32Exception or NpgsqlException or UnauthorizedAccessException)
        {
            Failure = e.Message;
        }
    }

    /// <summary>Why there is no server, or null when there is one.</summary>
    public string? Failure { get; }

    public int Port { get; }

    private bool Started { get; }

    private string DataFolder => Path.Combine(_folder!, "data");

    /// <summary>
    /// Stops the test when there is no server: skipped with the reason on a developer's machine, failed in CI
    /// (CI=true), where the PostgreSQL tests must run.
    /// </summary>
    public void Require()
    {
        if (Failure is null)
        {
            return;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException("PostgreSQL is required in CI but could not be started: " + Failure);
        }

        throw new SkipException("PostgreSQL is not available here: " + Failure);
    }

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = "postgres", Database = database, Timeout = 10 }.ToString();

    /// <summary>A new database with the bot's schema already migrated; returns its connection string.</summary>
    public string CreateDatabase() => CreateDatabase(Template);

    /// <summary>A new database with nothing in it (for migration tests).</summary>
    public string CreateEmptyDatabase() => CreateDatabase("template0");

    public void Dispose()
    {
        if (Started)
        {
            NpgsqlConnection.ClearAllPools();
            Run("pg_ctl", "-D", DataFolder, "-m", "immediate", "-w", "stop");
        }

        if (_folder is not null && Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private string CreateDatabase(string template)
    {
        Require();
        var name = $"t{Interlocked.Increment(ref _databases)}_{Guid.NewGuid():N}"[..24];
        Execute("postgres", $"CREATE DATABASE {name} TEMPLATE {template}");
        return ConnectionString(name);
    }

    private void Execute(string database, string sql)
    {
        using var connection = new NpgsqlConnection(ConnectionString(database) + ";Pooling=false");
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private void Run(string tool, params string[] arguments)
    {
        var asRoot = Environment.UserName == "root";
        var start = new ProcessStartInfo(asRoot ? "runuser" : Path.Combine(_bin!, tool))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asRoot)
        {
            foreach (var prefix in new[] { "-u", "postgres", "--", Path.Combine(_bin!, tool) })
            {
                start.ArgumentList.Add(prefix);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        // pg_ctl leaves the server running with our pipes open: read to the end only what the tool itself wrote.
        var error = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{tool} did not finish in 90 s");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {(error.IsCompleted ? error.Result.Trim() : string.Empty)}");
        }
    }

    private static string? FindBinaries()
    {
        if (Environment.GetEnvironmentVariable(BinariesVariable) is { Length: > 0 } chosen)
        {
            return File.Exists(Path.Combine(chosen, "initdb")) ? chosen : null;
        }

        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, "initdb"))
            .FirstOrDefault(File.Exists);
        if (onPath is not null)
        {
            return Path.GetDirectoryName(new FileInfo(onPath).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? onPath);
        }

        const string debian = "/usr/lib/postgresql";
        return Directory.Exists(debian)
            ? Directory.GetDirectories(debian)
                .Select(version => Path.Combine(version, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "initdb")))
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var major) ? major : 0)
                .FirstOrDefault()
            : null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
