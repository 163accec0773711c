using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using RecipeBot.Core.Channels;
using RecipeBot.Core.Conversations;
using RecipeBot.Core.Engine;
using RecipeBot.Core.Meetings;
using RecipeBot.Core.Privacy;
using RecipeBot.Scheduling;

namespace RecipeBot.Storage.Tests.Contracts;

/// <summary>
/// What <c>/export</c>, <c>/forget</c> and retention see across every store of one provider: a whole conversation is
/// exported then erased without touching another; in a group only the member's own part goes.
/// </summary>
public abstract partial class PersonalDataContract
{
    protected static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(2));

    private static readonly MeetingSchedule Weekly = new(
        "FREQ=WEEKLY;BYDAY=TU", new TimeOnly(18, 0), new DateOnly(2026, 12, 8), "Europe/Tallinn", "Working group", "Town hall");

    /// <summary>Every store of one provider over one fresh storage; <see cref="Stores.Sources"/> are the stores that answer for themselves.</summary>
    protected abstract Stores Open();

    private static PersonalData PersonalDataOf(Stores stores) =>
        new([.. stores.Sources, new MeetingPersonalData(stores.Meetings, NoReminderScheduler.Instance)], new FakeTimeProvider(Now));

    /// <summary>Something in every store for the conversation: its row and outbox, chat status, inbox, reference, meeting, next step, ledger, transcript.</summary>
    private static async Task FillAsync(Stores stores, string conversationId, string userId, string meetingId)
    {
        var token = CancellationToken.None;
        var conversation = new Conversation(conversationId, "et", "role", Now) { Role = "activist", History = ["language"], UpdatedAt = Now };
        await stores.Conversations.SaveAsync(conversation, [new OutgoingMessage(conversationId, "Tere!", [], [], "role", "et")], token);
        await stores.Chats.SetActiveAsync(conversationId, true, token);
        await stores.Inbox.AddAsync("telegram", [new InboxItem(Math.Abs((long)conversationId.GetHashCode(StringComparison.Ordinal)), conversationId, "{\"text\":\"tere\"}")], token);
        await stores.References.SaveAsync(new ConversationReference(conversationId, "telegram", "https://127.0.0.1/", conversationId, "bot", "RecipeBot", userId, "Anna", null, "personal"), token);
        await SaveMeetingAsync(stores, meetingId, conversationId, userId);
        var step = new NextStep(conversationId, "contact/trust-conflict", Now.AddDays(7), "et");
        await stores.Meetings.SaveNextStepAsync(step, token);
        await stores.Meetings.TryClaimAsync(NotificationKeys.NextStep(step), "instance-1", step.DueAt, NotificationStatus.Pending, Now, token);
        await stores.Transcripts.AppendAsync(conversationId, "activity-1", "{\"text\":\"tere\"}", token);
    }

    private static async Task SaveMeetingAsync(Stores stores, string meetingId, string conversationId, string createdBy)
    {
        await stores.Meetings.SaveAsync(new Meeting(meetingId, conversationId, createdBy, Weekly, MeetingStatus.Active, "et", Now, Now), CancellationToken.None);
        await stores.Meetings.TryClaimAsync(NotificationKeys.Meeting(meetingId, Now.AddDays(7), "reminder"), "instance-1", Now.AddDays(7), NotificationStatus.Pending, Now, CancellationToken.None);
    }

    private static int Count(JsonObject export, string section) => export[section]?.AsArray().Count ?? 0;

    [SkippableFact]
    public async Task AWholeConversation_IsExported_ThenErasedFromEveryStore_AnotherStaysAsItWas()
    {
        var stores = Open();
        var data = PersonalDataOf(stores);
        await FillAsync(stores, "telegram:1", "telegram:1", "meeting001");
        await FillAsync(stores, "telegram:2", "telegram:2", "meeting002");
        var subject = new PersonalDataSubject("telegram:1", "telegram:1");
        var other = new PersonalDataSubject("telegram:2", "telegram:2");
        var otherBefore = await data.ExportAsync(other, CancellationToken.None);

        var export = await data.ExportAsync(subject, CancellationToken.None);
        await data.EraseAsync(subject, CancellationToken.None);
        var afterwards = await data.ExportAsync(subject, CancellationToken.None);

        Assert.Equal("activist", export["conversation"]!["role"]!.GetValue<string>());
        Assert.Equal("Tere!", export["outbox"]![0]!["Text"]!.GetValue<string>());
        Assert.NotNull(export["chat"]);
        Assert.Equal(1, Count(export, "inbox"));
        Assert.Equal("Anna", export["conversationReference"]!["UserName"]!.GetValue<string>());
        Assert.Equal(1, Count(export, "meetings"));
        Assert.Equal(1, Count(export, "nextSteps"));
        Assert.Equal(2, Count(export, "notifications"));
        Assert.Equal(1, Count(export, "webChatTranscript"));

        foreach (var section in new[] { "conversation", "chat", "conversationReference" })
        {
            Assert.Null(afterwards[section]);
        }

        foreach (var section in new[] { "outbox", "inbox", "meetings", "nextSteps", "notifications", "webChatTranscript" })
        {
            Assert.Equal(0, Count(afterwards, section));
        }

        Assert.Null(await stores.Conversations.LoadAsync("telegram:1", CancellationToken.None));
        Assert.Null(await stores.Meetings.GetAsync("meeting001", CancellationToken.None));
        Assert.Empty(await stores.Transcripts.ReadAsync("telegram:1", 0, 10, CancellationToken.None));
        Assert.True(JsonNode.DeepEquals(otherBefore, await data.ExportAsync(other, CancellationToken.None)));
    }
}

/// <summary>The stores of one provider over one storage.</summary>
public sealed record Stores(
    IConversationStore Conversations,
    IChatDirectory Chats,
    IInboxStore Inbox,
    IConversationReferenceStore References,
    IMeetingStore Meetings,
    ITranscriptStore Transcripts,
    IReadOnlyList<IPersonalDataSource> Sources);
