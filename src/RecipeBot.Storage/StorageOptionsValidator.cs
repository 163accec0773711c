using Microsoft.Extensions.Options;
using Npgsql;

namespace RecipeBot.Storage;

/// <summary>With <c>Storage:Provider=postgres</c>, a connection string that is there and reads as one; its text never appears in a message.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    private const string Setting = "ConnectionStrings:" + StorageOptions.PostgresConnectionName;
    private static readonly TimeSpan MinLease = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan MaxLease = TimeSpan.FromMinutes(10);

    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.IsPostgres)
        {
            return ValidateOptionsResult.Success;
        }

        if (options.ClaimLease < MinLease || options.ClaimLease > MaxLease)
        {
            return ValidateOptionsResult.Fail($"Storage:ClaimLease must be from {MinLease:c} to {MaxLease:c}; it is {options.ClaimLease:c}.");
        }

        if (string.IsNullOrWhiteSpace(options.PostgresConnectionString))
        {
            return ValidateOptionsResult.Fail($"{Setting} is required when Storage:Provider is 'postgres'.");
        }

        try
        {
            var builder = new NpgsqlConnectionStringBuilder(options.PostgresConnectionString);
            return string.IsNullOrWhiteSpace(builder.Host)
                ? ValidateOptionsResult.Fail($"{Setting} names no Host.")
                : ValidateOptionsResult.Success;
        }
        catch (ArgumentException)
        {
            // The parser's message may quote the text, which may hold the password.
            return ValidateOptionsResult.Fail($"{Setting} is not a valid PostgreSQL connection string (Host=…;Database=…;Username=…;Password=…).");
        }
    }
}
