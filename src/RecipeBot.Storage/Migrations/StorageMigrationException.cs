namespace RecipeBot.Storage.Migrations;

/// <summary>A schema script that could not be applied; the database keeps every script before it.</summary>
public sealed class StorageMigrationException(string script, Exception? inner)
    : Exception($"the database migration {script} failed: {inner?.Message}", inner)
{
    public string Script { get; } = script;
}
