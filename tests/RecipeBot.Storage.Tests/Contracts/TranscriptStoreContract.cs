using System.Text.Json.Nodes;
using RecipeBot.Core.Channels;
using RecipeBot.Core.Privacy;

namespace RecipeBot.Storage.Tests.Contracts;

/// <summary>What every <see cref="ITranscriptStore"/> (web chat transcripts) does; one subclass per implementation runs it.</summary>
public abstract class TranscriptStoreContract
{
    /// <summary>A store over this test's storage; where storage outlives a store, a new one (a restarted bot, another instance).</summary>
    protected abstract ITranscriptStore Open();

    private static string Activity(string text) => new JsonObject { ["type"] = "message", ["text"] = text }.ToJsonString();

    [SkippableFact]
    public async Task Watermarks_CountOneTwoThree_WithinEachConversation()
    {
        var store = Open();

        var first = await store.AppendAsync("webchat:a", "a1", Activity("Tere"), CancellationToken.None);
        var other = await store.AppendAsync("webchat:b", "b1", Activity("Hello"), CancellationToken.None);
        var second = await Open().AppendAsync("webchat:a", "a2", Activity("Tere tulemast"), CancellationToken.None);
        var third = await store.AppendAsync("webchat:a", "a3", Activity("Aitäh"), CancellationToken.None);

        Assert.Equal([1L, 2L, 3L], [first, second, third]);
        Assert.Equal(1L, other);
    }

    [SkippableFact]
    public async Task ARedelivery_GetsTheWatermarkItHas_AndChangesNothing()
    {
        var store = Open();
        await store.AppendAsync("webchat:a", "a1", Activity("first"), CancellationToken.None);
        await store.AppendAsync("webchat:a", "a2", Activity("second"), CancellationToken.None);

        var again = await Open().AppendAsync("webchat:a", "a1", Activity("first, sent again"), CancellationToken.None);
        var next = await store.AppendAsync("webchat:a", "a3", Activity("third"), CancellationToken.None);

        Assert.Equal(1L, again);
        Assert.Equal(3L, next);
        var entries = await store.ReadAsync("webchat:a", 0, 10, CancellationToken.None);
        Assert.Equal(["a1", "a2", "a3"], entries.Select(e => e.ActivityId));
        Assert.Equal("first", JsonNode.Parse(entries[0].Activity)!["text"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Reading_GoesPageByPage_AfterTheLastWatermarkSeen()
    {
        var store = Open();
        for (var i = 1; i <= 5; i++)
        {
            await store.AppendAsync("webchat:a", "a" + i, Activity("message " + i), CancellationToken.None);
        }

        await store.AppendAsync("webchat:b", "b1", Activity("elsewhere"), CancellationToken.None);

        var seen = new List<TranscriptEntry>();
        long watermark = 0;
        for (var guard = 0; guard < 10; guard++)
        {
            var page = await Open().ReadAsync("webchat:a", watermark, 2, CancellationToken.None);
            if (page.Count == 0)
            {
                break;
            }

            Assert.True(page.Count <= 2);
            seen.AddRange(page);
            watermark = page[^1].Watermark;
        }

        Assert.Equal([1L, 2L, 3L, 4L, 5L], seen.Select(e => e.Watermark));
        Assert.Equal(["message 1", "message 2", "message 3", "message 4", "message 5"], seen.Select(e => JsonNode.Parse(e.Activity)!["text"]!.GetValue<string>()));
        Assert.Empty(await store.ReadAsync("webchat:a", 5, 10, CancellationToken.None));
        Assert.Empty(await store.ReadAsync("webchat:nobody", 0, 10, CancellationToken.None));
    }

    [SkippableFact]
    public async Task AppendsAtTheSameTime_NeverShareAWatermark()
    {
        var store = Open();

        var watermarks = await Task.WhenAll(Enumerable.Range(1, 20).Select(i => store.AppendAsync("webchat:a", "a" + i, Activity("m" + i), CancellationToken.None).AsTask()));

        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), watermarks.Order());
    }

    [SkippableFact]
    public async Task TheTranscript_IsExported_AndErasedWithItsConversation_OthersStay()
    {
        var store = Open();
        await store.AppendAsync("webchat:a", "a1", Activity("Tere"), CancellationToken.None);
        await store.AppendAsync("webchat:a", "a2", Activity("Kuidas saan aidata?"), CancellationToken.None);
        await store.AppendAsync("webchat:b", "b1", Activity("Hello"), CancellationToken.None);
        var source = (IPersonalDataSource)Open();
        var subject = new PersonalDataSubject("webchat:a");

        var export = new JsonObject();
        await source.ExportAsync(subject, export, CancellationToken.None);
        await source.EraseAsync(subject, CancellationToken.None);
        var afterwards = new JsonObject();
        await source.ExportAsync(subject, afterwards, CancellationToken.None);

        Assert.Equal(["Tere", "Kuidas saan aidata?"], export["webChatTranscript"]!.AsArray().Select(a => a!["text"]!.GetValue<string>()));
        Assert.False(afterwards.ContainsKey("webChatTranscript"));
        Assert.Empty(await store.ReadAsync("webchat:a", 0, 10, CancellationToken.None));
        Assert.Equal(["b1"], (await store.ReadAsync("webchat:b", 0, 10, CancellationToken.None)).Select(e => e.ActivityId));
        // A new visit under the same id starts again from one.
        Assert.Equal(1L, await store.AppendAsync("webchat:a", "a9", Activity("Tere jälle"), CancellationToken.None));
    }

    [SkippableFact]
    public async Task AGroupMembersErasure_LeavesTheTranscript()
    {
        var store = Open();
        await store.AppendAsync("webchat:a", "a1", Activity("Tere"), CancellationToken.None);

        await ((IPersonalDataSource)store).EraseAsync(new PersonalDataSubject("webchat:a", "webchat:visitor", IsGroup: true), CancellationToken.None);

        Assert.Single(await store.ReadAsync("webchat:a", 0, 10, CancellationToken.None));
    }
}
