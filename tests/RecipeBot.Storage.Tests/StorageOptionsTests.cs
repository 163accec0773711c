using System.ComponentModel.DataAnnotations;

namespace RecipeBot.Storage.Tests;

/// <summary>Storage:Provider as people write it in an environment variable.</summary>
public sealed class StorageOptionsTests
{
    [Theory]
    [InlineData("sqlite", false)]
    [InlineData("SQLite", false)]
    [InlineData("memory", true)]
    [InlineData("Memory", true)]
    [InlineData("MEMORY", true)]
    [InlineData("postgres", false)]
    [InlineData("PostgreSQL", false, false)]
    public void TheProvider_IsReadInAnyCase(string provider, bool memory, bool valid = true)
    {
        var options = new StorageOptions { Provider = provider };

        Assert.Equal(valid, Validator.TryValidateObject(options, new ValidationContext(options), [], validateAllProperties: true));
        Assert.Equal(memory, options.IsMemory);
        Assert.Equal(provider == "postgres", options.IsPostgres);
    }

    [Theory]
    [InlineData("mongo")]
    [InlineData("sqlite3")]
    public void AnyOtherProvider_IsRefusedByName(string provider)
    {
        var options = new StorageOptions { Provider = provider };
        var results = new List<ValidationResult>();

        Assert.False(Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true));
        Assert.Equal("Storage:Provider must be 'sqlite', 'postgres' or 'memory'.", Assert.Single(results).ErrorMessage);
    }

    [Theory]
    [InlineData(null, "ConnectionStrings:Postgres is required when Storage:Provider is 'postgres'.")]
    [InlineData("  ", "ConnectionStrings:Postgres is required when Storage:Provider is 'postgres'.")]
    [InlineData("Database=bot;Password=s3cret-pw", "ConnectionStrings:Postgres names no Host.")]
    [InlineData("Host=db;Pasword=s3cret-pw", "ConnectionStrings:Postgres is not a valid PostgreSQL connection string (Host=…;Database=…;Username=…;Password=…).")]
    public void APostgresProvider_NeedsAConnectionString_AndTheMessageNeverShowsIt(string? connectionString, string expected)
    {
        var options = new StorageOptions { Provider = "postgres", PostgresConnectionString = connectionString };

        var result = new StorageOptionsValidator().Validate(null, options);

        Assert.Equal(expected, result.FailureMessage);
        Assert.DoesNotContain("s3cret", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void AConnectionString_IsRequiredOnlyForPostgres_AndAGoodOneIsTaken()
    {
        Assert.True(new StorageOptionsValidator().Validate(null, new StorageOptions { Provider = "sqlite" }).Succeeded);
        Assert.True(new StorageOptionsValidator().Validate(null, new StorageOptions { Provider = "postgres", PostgresConnectionString = "Host=db;Database=bot;Username=bot;Password=x" }).Succeeded);
    }

    [Theory]
    [InlineData(4.9, false)]
    [InlineData(5, true)]
    [InlineData(30, true)]
    [InlineData(600, true)]
    [InlineData(600.5, false)]
    [InlineData(-30, false)]
    public void TheClaimLease_OnPostgres_IsFromFiveSecondsToTenMinutes(double seconds, bool valid)
    {
        var options = new StorageOptions { Provider = "postgres", PostgresConnectionString = "Host=db", ClaimLease = TimeSpan.FromSeconds(seconds) };

        var result = new StorageOptionsValidator().Validate(null, options);

        Assert.Equal(valid, result.Succeeded);
        Assert.Equal(valid ? null : "Storage:ClaimLease must be from 00:00:05 to 00:10:00; it is " + options.ClaimLease.ToString("c") + ".", result.FailureMessage);
        // SQLite has no claims: the setting is not its concern.
        options.Provider = "sqlite";
        Assert.True(new StorageOptionsValidator().Validate(null, options).Succeeded);
    }
}
