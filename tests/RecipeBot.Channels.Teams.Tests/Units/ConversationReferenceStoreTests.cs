using RecipeBot.Core.Channels;
using RecipeBot.Storage.Memory;
using RecipeBot.Storage.Sqlite;

namespace RecipeBot.Channels.Teams.Tests.Units;

public sealed class ConversationReferenceStoreTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("recipebot-references-").FullName;

    private static readonly ConversationReference Full = new(
        "teams:19:abc@thread.tacv2;messageid=1", "msteams", "https://smba.trafficmanager.net/emea/", "19:abc@thread.tacv2;messageid=1",
        "28:bot", "RecipeBot", "29:user", "Anna", "tenant-1", "channel");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task SQLite_KeepsAReferenceAcrossReopening_AndReplacesItOnSave()
    {
        var path = Path.Combine(_directory, "bot.db");
        using (var database = new SqliteDatabase(path))
        {
            var store = new SqliteConversationReferenceStore(database, TimeProvider.System);
            await store.SaveAsync(Full with { ServiceUrl = "https://old.example/" }, CancellationToken.None);
            await store.SaveAsync(Full, CancellationToken.None);
            await store.SaveAsync(new ConversationReference("teams:a:2", "emulator", "http://localhost:5000/", "a:2"), CancellationToken.None);
        }

        using var reopened = new SqliteDatabase(path);
        var again = new SqliteConversationReferenceStore(reopened, TimeProvider.System);

        Assert.Equal(Full, await again.FindAsync(Full.Id, CancellationToken.None));
        Assert.Equal(new ConversationReference("teams:a:2", "emulator", "http://localhost:5000/", "a:2"), await again.FindAsync("teams:a:2", CancellationToken.None));
        Assert.Null(await again.FindAsync("teams:unknown", CancellationToken.None));
    }

    [Fact]
    public async Task Memory_KeepsTheLatestReference()
    {
        var store = new InMemoryConversationReferenceStore();

        await store.SaveAsync(Full with { UserId = "29:first" }, CancellationToken.None);
        await store.SaveAsync(Full, CancellationToken.None);

        Assert.Equal(Full, await store.FindAsync(Full.Id, CancellationToken.None));
        Assert.Null(await store.FindAsync("teams:unknown", CancellationToken.None));
    }
}
