namespace RecipeBot.Tests.Postgres;

/// <summary>The test classes that share one <see cref="PostgresServer"/> for the run.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}
