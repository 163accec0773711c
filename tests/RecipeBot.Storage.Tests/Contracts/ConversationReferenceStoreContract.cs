using RecipeBot.Core.Channels;

namespace RecipeBot.Storage.Tests.Contracts;

/// <summary>What every <see cref="IConversationReferenceStore"/> does; one subclass per implementation runs it.</summary>
public abstract class ConversationReferenceStoreContract
{
    protected static readonly ConversationReference Full = new(
        "teams:19:abc@thread.tacv2;messageid=1", "msteams", "https://smba.trafficmanager.net/emea/", "19:abc@thread.tacv2;messageid=1",
        "28:bot", "RecipeBot", "29:user", "Anna", "tenant-1", "channel");

    /// <summary>A store over this test's storage; where storage outlives a store, a new one, as a restarted bot would open it.</summary>
    protected abstract IConversationReferenceStore Open();

    [SkippableFact]
    public async Task AReference_IsKeptAcrossReopening_AndReplacedOnSave()
    {
        var store = Open();
        await store.SaveAsync(Full with { ServiceUrl = "https://old.example/", UserId = "29:first" }, CancellationToken.None);
        await store.SaveAsync(Full, CancellationToken.None);
        await store.SaveAsync(new ConversationReference("teams:a:2", "emulator", "http://localhost:5000/", "a:2"), CancellationToken.None);

        var again = Open();

        Assert.Equal(Full, await again.FindAsync(Full.Id, CancellationToken.None));
        Assert.Equal(new ConversationReference("teams:a:2", "emulator", "http://localhost:5000/", "a:2"), await again.FindAsync("teams:a:2", CancellationToken.None));
        Assert.Null(await again.FindAsync("teams:unknown", CancellationToken.None));
    }
}
