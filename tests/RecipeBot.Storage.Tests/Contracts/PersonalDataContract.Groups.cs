using RecipeBot.Core.Channels;
using RecipeBot.Core.Conversations;
using RecipeBot.Core.Meetings;
using RecipeBot.Core.Privacy;

namespace RecipeBot.Storage.Tests.Contracts;

/// <summary>A group member's erasure: their meetings and their name on the reference go, the group's own part stays.</summary>
public abstract partial class PersonalDataContract
{
    private const string Group = "telegram:-100";
    private const string Anna = "telegram:7";
    private const string Bob = "telegram:8";

    [SkippableFact]
    public async Task AGroupMember_ExportsAndErasesOnlyTheirOwnMeetingsAndName()
    {
        var stores = Open();
        var data = PersonalDataOf(stores);
        await FillAsync(stores, Group, Anna, "annas00001");
        await SaveMeetingAsync(stores, "bobs000001", Group, Bob);
        var anna = new PersonalDataSubject(Group, Anna, IsGroup: true);

        var export = await data.ExportAsync(anna, CancellationToken.None);
        await data.EraseAsync(anna, CancellationToken.None);

        Assert.Equal(["annas00001"], export["meetings"]!.AsArray().Select(m => m!["id"]!.GetValue<string>()));
        Assert.Equal(0, Count(export, "nextSteps"));
        Assert.Equal(1, Count(export, "notifications"));
        Assert.Null(await stores.Meetings.GetAsync("annas00001", CancellationToken.None));
        Assert.Empty(await stores.Meetings.ListLedgerAsync(NotificationKeys.MeetingPrefix("annas00001"), CancellationToken.None));
        Assert.NotNull(await stores.Meetings.GetAsync("bobs000001", CancellationToken.None));
        Assert.Single(await stores.Meetings.ListLedgerAsync(NotificationKeys.MeetingPrefix("bobs000001"), CancellationToken.None));
        Assert.Single(await stores.Meetings.ListLedgerAsync(NotificationKeys.NextStepPrefix(Group), CancellationToken.None));
        Assert.Single(await stores.Meetings.ListNextStepsAsync(CancellationToken.None));
        Assert.NotNull(await stores.Conversations.LoadAsync(Group, CancellationToken.None));
        Assert.Single(await stores.Transcripts.ReadAsync(Group, 0, 10, CancellationToken.None));
        var reference = await stores.References.FindAsync(Group, CancellationToken.None);
        Assert.NotNull(reference);
        Assert.Null(reference.UserId);
        Assert.Null(reference.UserName);
        Assert.Equal("https://127.0.0.1/", reference.ServiceUrl);
    }

    [SkippableFact]
    public async Task AGroupMembersErasure_LeavesAnotherMembersNameOnTheReference()
    {
        var stores = Open();
        var reference = new ConversationReference(Group, "msteams", "https://127.0.0.1/", "19:group", "28:bot", "RecipeBot", Bob, "Bob", "tenant", "groupChat");
        await stores.References.SaveAsync(reference, CancellationToken.None);

        await PersonalDataOf(stores).EraseAsync(new PersonalDataSubject(Group, Anna, IsGroup: true), CancellationToken.None);

        Assert.Equal(reference, await stores.References.FindAsync(Group, CancellationToken.None));
    }

    [SkippableFact]
    public async Task WhenAFarewellFollows_TheReferenceStays_WithoutTheUser()
    {
        var stores = Open();
        await FillAsync(stores, "telegram:1", "telegram:1", "meeting001");

        await PersonalDataOf(stores).EraseAsync(new PersonalDataSubject("telegram:1", "telegram:1", FarewellFollows: true), CancellationToken.None);
        var reference = await stores.References.FindAsync("telegram:1", CancellationToken.None);

        Assert.NotNull(reference);
        Assert.Null(reference.UserId);
        Assert.Null(reference.UserName);
        Assert.Null(await stores.Conversations.LoadAsync("telegram:1", CancellationToken.None));

        await stores.References.DeleteAsync("telegram:1", CancellationToken.None);
        Assert.Null(await stores.References.FindAsync("telegram:1", CancellationToken.None));
    }
}
