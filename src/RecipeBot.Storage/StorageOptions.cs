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

    /// <summary>Whether <see cref="Provider"/> is <c>memory</c>, in any case.</summary>
    public bool IsMemory => Is("memory");

    /// <summary>Whether <see cref="Provider"/> is <c>postgres</c>, in any case.</summary>
    public bool IsPostgres => Is("postgres");

    private bool Is(string provider) => string.Equals(Provider?.Trim(), provider, StringComparison.OrdinalIgnoreCase);
}
