using Microsoft.Extensions.Options;
using Npgsql;

namespace RecipeBot.Storage;

/// <summary>With <c>Storage:Provider=postgres</c>, a connection string that is there and reads as one; its text never appears in a message.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    private const string Setting = "ConnectionStrings:" + StorageOptions.PostgresConnectionName;

    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.IsPostgres)
        {
            return ValidateOptionsResult.Success;
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
