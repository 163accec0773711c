using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using RecipeBot.Core.Conversations;
using RecipeBot.Core.Engine;
using RecipeBot.Core.Outbox;
using RecipeBot.Core.Tests;
using RecipeBot.Core.Tests.Outbox;

namespace RecipeBot.Storage.Tests.Contracts;

/// <summary>What every database's outbox does (with the conversations it is written with); one subclass per database runs it.</summary>
public abstract class OutboxStoreContract<TStore>
    where TStore : IConversationStore, IOutboxStore
{
    /// <summary>A new store over this test's database, as a restarted bot or another instance would open it.</summary>
    protected abstract TStore Open();

    /// <summary>Writes a row whose message is not JSON, behind the store's back (a row of a bot version that is gone).</summary>
    protected abstract void InsertUnreadableRow(string conversationId);

    private static Conversation Conversation(int turns) => new("telegram:42", "et", "role", DateTimeOffset.UnixEpoch) { Turns = turns };

    private static OutgoingMessage Message(string text) => new("telegram:42", text, [new ChoiceView("official", "Ametnik")], ["r1"], "role", "et");

    [SkippableFact]
    public async Task AMessage_RoundTripsThroughTheOutbox_WithEveryField()
    {
        var message = new OutgoingMessage(
            "telegram:42",
            "Tere 🙂 <b>",
            [new ChoiceView("mtg:1:ics", "Kalendrisse")],
            ["contact/no-partners/map"],
            "contact",
            "et",
            new ScheduleView("FREQ=WEEKLY;BYDAY=MO", "Europe/Tallinn", [new DateTimeOffset(2026, 12, 7, 18, 0, 0, TimeSpan.FromHours(2))]),
            new MessageAttachment("m.ics", "text/calendar", Encoding.UTF8.GetBytes("BEGIN:VCALENDAR")),
            Proactive: true,
            InReplyTo: "991");

        await Open().AddAsync([message], CancellationToken.None);
        var row = Assert.Single(await Open().PendingAsync("telegram:", 0, 10, DateTimeOffset.UtcNow, CancellationToken.None));

        Assert.Equal(message.Text, row.Message.Text);
        Assert.Equal(message.Choices, row.Message.Choices);
        Assert.Equal(message.Recipes, row.Message.Recipes);
        Assert.Equal(message.Schedule!.Next, row.Message.Schedule!.Next);
        Assert.Equal(message.Attachment!.Content, row.Message.Attachment!.Content);
        Assert.Equal((true, "991"), (row.Message.Proactive, row.Message.InReplyTo));
    }

    [SkippableFact]
    public async Task ATurn_SavesItsConversationAndItsReplyTogether_OrNeither()
    {
        var store = Open();
        await store.SaveAsync(Conversation(1), [Message("first")], CancellationToken.None);

        // A reply that cannot be stored (no conversation id violates NOT NULL) fails the whole turn.
        var broken = Message("second") with { ConversationId = null! };
        await Assert.ThrowsAnyAsync<Exception>(async () => await store.SaveAsync(Conversation(2), [Message("second"), broken], CancellationToken.None));

        var reopened = Open();
        Assert.Equal(1, (await reopened.LoadAsync("telegram:42", CancellationToken.None))!.Turns);
        Assert.Equal(["first"], (await reopened.PendingAsync("telegram:", 0, 10, DateTimeOffset.UtcNow, CancellationToken.None)).Select(r => r.Message.Text));
    }

    [SkippableFact]
    public async Task PendingRows_AreReadByChannelPrefix_InTheOrderTheyWereWritten_FromACursor()
    {
        var store = Open();
        await store.AddAsync([Message("a"), Message("b") with { ConversationId = "teams:x" }, Message("c"), Message("d") with { ConversationId = "telegram-other:1" }], CancellationToken.None);

        var all = await store.PendingAsync("telegram:", 0, 10, DateTimeOffset.UtcNow, CancellationToken.None);
        var afterFirst = await store.PendingAsync("telegram:", all[0].Id, 10, DateTimeOffset.UtcNow, CancellationToken.None);

        Assert.Equal(["a", "c"], all.Select(r => r.Message.Text));
        Assert.Equal(["c"], afterFirst.Select(r => r.Message.Text));
    }

    [SkippableFact]
    public async Task ARowThatNoLongerReadsAsAMessage_IsRemoved_AndTheOthersStillGoOut()
    {
        var store = Open();
        await store.AddAsync([Message("before")], CancellationToken.None);
        InsertUnreadableRow("telegram:42");

        await store.AddAsync([Message("after")], CancellationToken.None);

        var pending = await store.PendingAsync("telegram:", 0, 10, DateTimeOffset.UtcNow, CancellationToken.None);

        Assert.Equal(["before", "after"], pending.Select(r => r.Message.Text));
        Assert.Equal(2, (await Open().PendingAsync("telegram:", 0, 10, DateTimeOffset.UtcNow, CancellationToken.None)).Count);
    }

    [SkippableFact]
    public async Task ARowPutBack_WaitsUntilItsTime_AndCountsItsAttempts()
    {
        var store = Open();
        await store.AddAsync([Message("a")], CancellationToken.None);
        var now = DateTimeOffset.UtcNow;
        var id = (await store.PendingAsync("telegram:", 0, 10, now, CancellationToken.None))[0].Id;

        var attempts = await store.RetryLaterAsync(id, now.AddSeconds(30), CancellationToken.None);

        Assert.Equal(1, attempts);
        Assert.Empty(await store.PendingAsync("telegram:", 0, 10, now, CancellationToken.None));
        Assert.Equal(1, Assert.Single(await store.PendingAsync("telegram:", 0, 10, now.AddSeconds(31), CancellationToken.None)).Attempts);
    }

    [SkippableFact]
    public async Task AfterARestart_WhatTheChannelNeverConfirmed_IsSentAgain_AndWhatItConfirmedIsNot()
    {
        var store = Open();
        await store.AddAsync([Message("confirmed"), Message("in flight at the crash")], CancellationToken.None);
        var crashing = new RecordingChannel("telegram:");
        crashing.Answer = m => m.Text == "confirmed" ? Task.FromResult(Core.Channels.SendOutcome.Sent) : new TaskCompletionSource<Core.Channels.SendOutcome>().Task;
        using (var crash = new CancellationTokenSource())
        {
            var first = new OutboxSender(store, crashing, new OutboxSignal(), TimeProvider.System, NullLogger<OutboxSender>.Instance, stopGrace: TimeSpan.Zero);
            var running = first.RunAsync(crash.Token);
            await Eventually.WaitUntilAsync(() => crashing.Handed.Count == 2);
            await Eventually.WaitUntilAsync(() => store.PendingAsync("telegram:", 0, 10, DateTimeOffset.UtcNow, CancellationToken.None).AsTask().Result.Count == 1);
            await crash.CancelAsync();
            await running;
        }

        var restarted = new RecordingChannel("telegram:");
        var reopened = Open();
        await new OutboxSender(reopened, restarted, new OutboxSignal(), TimeProvider.System, NullLogger<OutboxSender>.Instance).FlushAsync(CancellationToken.None);

        Assert.Equal(["in flight at the crash"], restarted.Handed.Select(m => m.Text));
        Assert.Empty(await reopened.PendingAsync("telegram:", 0, 10, DateTimeOffset.UtcNow, CancellationToken.None));
    }
}
