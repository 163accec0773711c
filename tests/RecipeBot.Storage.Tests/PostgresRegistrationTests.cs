using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RecipeBot.Core.Channels;
using RecipeBot.Core.CloseOuts;
using RecipeBot.Core.Plans;
using RecipeBot.Core.Stats;
using RecipeBot.Storage.Postgres;
using RecipeBot.Storage.Tests.Support;
using RecipeBot.Tests.Postgres;

namespace RecipeBot.Storage.Tests;

/// <summary>The postgres provider as the host wires it: every store on PostgreSQL, none left in memory.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresRegistrationTests(PostgresServer server) : IDisposable
{
    private readonly PostgresTestDatabase _database = new(server);

    public void Dispose() => _database.Dispose();

    [SkippableFact]
    public async Task ThePostgresProvider_KeepsPlansCloseOutsAndActivityInTheDatabase_AndAMigratedGroupTakesItsPlan()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Provider"] = "postgres", ["ConnectionStrings:Postgres"] = _database.ConnectionString })
            .Build();
        await using var provider = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddStorage().BuildServiceProvider();
        var plans = provider.GetRequiredService<IPlanStore>();
        await plans.SaveAsync(new Plan { ConversationId = "telegram:-100", CreatedAt = DateTimeOffset.UnixEpoch, UpdatedAt = DateTimeOffset.UnixEpoch }, CancellationToken.None);

        await provider.GetRequiredService<IChatDirectory>().MigrateAsync("telegram:-100", "telegram:-1009", CancellationToken.None);

        Assert.IsType<PostgresPlanStore>(plans);
        Assert.IsType<PostgresCloseOutStore>(provider.GetRequiredService<ICloseOutStore>());
        Assert.IsType<PostgresActivityLog>(provider.GetRequiredService<IActivityLog>());
        var moved = await new PostgresPlanStore(_database.Open()).GetAsync("telegram:-1009", CancellationToken.None);
        Assert.Equal("telegram:-1009", moved!.ConversationId);
    }
}
