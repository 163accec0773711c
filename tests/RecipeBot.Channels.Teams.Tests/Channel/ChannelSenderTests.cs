using RecipeBot.Core.Outbox;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using RecipeBot.Channels.Teams.Sending;
using RecipeBot.Channels.Teams.Tests.Fakes;
using RecipeBot.Core.Channels;
using RecipeBot.Core.Engine;

namespace RecipeBot.Channels.Teams.Tests.Channel;

/// <summary>Proactive messages through the composed bot's <c>teams:</c> <see cref="IChannelSender"/>, read at the fake connector.</summary>
public sealed class ChannelSenderTests : IAsyncLifetime
{
    private static readonly byte[] Calendar = Encoding.UTF8.GetBytes("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n");

    private TeamsTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await TeamsTestBed.StartAsync();

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    private ChannelSenders Senders => new(_bed.Bot.Services.GetServices<IChannelSender>());

    private static OutgoingMessage Reminder(string conversation) =>
        new("teams:" + conversation, "The working group meets tomorrow at 18:00.", [new ChoiceView("ok", "OK")], [], "meeting", "en",
            Attachment: new MessageAttachment("working-group.ics", "text/calendar", Calendar));

    private async Task KnowAsync(string conversation, string conversationType = "groupChat") =>
        await _bed.ExchangeAsync(Activities.BotAdded(_bed.ServiceUrl, conversation, conversationType: conversationType));

    [Fact]
    public async Task AProactiveMessage_IsSent_WithItsFileOnTheSameActivity()
    {
        const string conversation = "19:working-group@thread.v2";
        await KnowAsync(conversation);
        var before = _bed.Connector.For(conversation).Count;

        var outcome = await Senders.SendAsync(Reminder(conversation), CancellationToken.None);

        Assert.Equal(SendOutcome.Sent, outcome);
        var reminder = Assert.Single(_bed.Connector.For(conversation).Skip(before));
        Assert.Equal("The working group meets tomorrow at 18:00.", reminder.Text);
        Assert.Equal("ok", reminder.Button("ok").GetProperty("text").GetString());
        var file = Assert.Single(reminder.Files);
        Assert.Equal("text/calendar", file.GetProperty("contentType").GetString());
        Assert.Equal("working-group.ics", file.GetProperty("name").GetString());
        Assert.Equal("data:text/calendar;base64," + Convert.ToBase64String(Calendar), file.GetProperty("contentUrl").GetString());
    }

    [Fact]
    public async Task AReplyWithAnAttachment_CarriesTheFileToo()
    {
        const string conversation = "a:reply-with-file";
        await KnowAsync(conversation, "personal");
        var reference = await _bed.Bot.References.FindAsync("teams:" + conversation, CancellationToken.None);

        Assert.NotNull(reference);
        await _bed.Bot.Services.GetRequiredService<IOutboxStore>().AddAsync([Reminder(conversation) with { Proactive = false, InReplyTo = "activity-x" }], CancellationToken.None);
        _bed.Bot.Services.GetRequiredService<OutboxSignal>().Notify();
        var reply = await _bed.Connector.WaitForReplyAsync(conversation, "activity-x");

        Assert.Equal("working-group.ics", Assert.Single(reply.Files).GetProperty("name").GetString());
    }

    [Fact]
    public async Task TheFarewellOfAnErasedConversation_IsSent_ThenItsReferenceIsForgotten()
    {
        const string conversation = "a:personal-chat-of-anna";
        await KnowAsync(conversation, "personal");
        var before = _bed.Connector.For(conversation).Count;

        var outcome = await Senders.SendAsync(Reminder(conversation) with { Text = "Erased.", Attachment = null, Farewell = true }, CancellationToken.None);

        Assert.Equal(SendOutcome.Sent, outcome);
        Assert.Equal(before + 1, _bed.Connector.For(conversation).Count);
        Assert.Null(await _bed.Bot.References.FindAsync("teams:" + conversation, CancellationToken.None));
    }

    [Fact]
    public async Task AnOrdinaryMessage_KeepsTheReference()
    {
        const string conversation = "a:personal-chat-of-peeter";
        await KnowAsync(conversation, "personal");

        await Senders.SendAsync(Reminder(conversation), CancellationToken.None);

        Assert.NotNull(await _bed.Bot.References.FindAsync("teams:" + conversation, CancellationToken.None));
    }

    [Fact]
    public async Task AConversationTheBotNeverSaw_HasNoRoute()
    {
        var outcome = await Senders.SendAsync(Reminder("a:never-seen"), CancellationToken.None);

        Assert.Equal(SendOutcome.NoRoute, outcome);
        Assert.Empty(_bed.Connector.Received);
    }

    [Theory]
    [InlineData(403)]
    [InlineData(404)]
    public async Task AConversationThatRemovedTheBot_IsBlocked(int status)
    {
        var conversation = $"19:removed-{status}@thread.v2";
        await KnowAsync(conversation);
        _bed.Connector.Script(new ScriptedAnswer(status));

        var outcome = await Senders.SendAsync(Reminder(conversation), CancellationToken.None);

        Assert.Equal(SendOutcome.Blocked, outcome);
    }

    [Theory]
    [InlineData(500, SendOutcome.Failed)]
    [InlineData(400, SendOutcome.Rejected)]
    public async Task AServerError_IsFailedForNow_ABadRequestRejectedForGood(int status, SendOutcome expected)
    {
        var conversation = $"19:refused-{status}@thread.v2";
        await KnowAsync(conversation);
        _bed.Connector.Script(new ScriptedAnswer(status));

        var outcome = await Senders.SendAsync(Reminder(conversation), CancellationToken.None);

        Assert.Equal(expected, outcome);
        Assert.Equal(status, _bed.Connector.For(conversation)[^1].AnsweredWith);
    }

    [Fact]
    public async Task ThrottlingThatOutlastsTheRetries_IsFailed()
    {
        const string conversation = "19:throttled@thread.v2";
        await KnowAsync(conversation);
        _bed.Connector.Script([.. Enumerable.Range(0, 5).Select(_ => new ScriptedAnswer(502))]);

        var outcome = await Senders.SendAsync(Reminder(conversation), CancellationToken.None);

        Assert.Equal(SendOutcome.Failed, outcome);
        Assert.Equal(5, _bed.Connector.For(conversation).Count(activity => activity.AnsweredWith == 502));
    }
}
