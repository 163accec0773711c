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
    public void TheProvider_IsReadInAnyCase(string provider, bool memory)
    {
        var options = new StorageOptions { Provider = provider };

        Assert.True(Validator.TryValidateObject(options, new ValidationContext(options), [], validateAllProperties: true));
        Assert.Equal(memory, options.IsMemory);
    }

    [Theory]
    [InlineData("mongo")]
    [InlineData("sqlite3")]
    public void AnyOtherProvider_IsRefusedByName(string provider)
    {
        var options = new StorageOptions { Provider = provider };
        var results = new List<ValidationResult>();

        Assert.False(Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true));
        Assert.Equal("Storage:Provider must be 'sqlite' or 'memory'.", Assert.Single(results).ErrorMessage);
    }
}
