using System.ComponentModel.DataAnnotations;

namespace RecipeBot.Storage;

/// <summary>Where conversations are kept (section <c>Storage</c>; the PostgreSQL connection string is <c>ConnectionStrings:Postgres</c>).</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>The name of the PostgreSQL connection string (<c>ConnectionStrings__Postgres</c>).</summary>
    public const string PostgresConnectionName = "Postgres";

    /// <summary><c>sqlite</c> (the embedded default), <c>postgres</c> (several instances on one database) or <c>memory</c> (nothing survives a restart).</summary>
    [Required]
    [RegularExpression("^(?i:sqlite|postgres|memory)$", ErrorMessage = "Storage:Provider must be 'sqlite', 'postgres' or 'memory'.")]
    public string Provider { get; set; } = "sqlite";

    /// <summary>The SQLite database file; relative paths are taken from the working directory.</summary>
    [Required]
    public string SqlitePath { get; set; } = "data/recipebot.db";

    /// <summary>The Npgsql connection string, read from <c>ConnectionStrings:Postgres</c>; it may hold a password, so it is never logged.</summary>
    public string? PostgresConnectionString { get; set; }

    /// <summary>
    /// PostgreSQL: this instance's name in the inbox and outbox rows it claims, in the polling election and in the
    /// reminder ledger; unique per instance (a pod or host name). Empty: a new name for every process, so a restarted
    /// instance's old claims are taken over only when their lease runs out.
    /// </summary>
    [MaxLength(200)]
    public string? InstanceId { get; set; }

    /// <summary>
    /// PostgreSQL: how long an instance's claim on an inbox or outbox row lasts unless renewed (renewed when half is
    /// left); a dead instance's chats wait this long for another instance. From 5 s to 10 min; 30 s by default.
    /// </summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether <see cref="Provider"/> is <c>memory</c>, in any case.</summary>
    public bool IsMemory => Is("memory");

    /// <summary>Whether <see cref="Provider"/> is <c>postgres</c>, in any case.</summary>
    public bool IsPostgres => Is("postgres");

    private bool Is(string provider) => string.Equals(Provider?.Trim(), provider, StringComparison.OrdinalIgnoreCase);
}
