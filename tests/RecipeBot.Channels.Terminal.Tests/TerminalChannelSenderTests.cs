using System.Text;
using System.Text.Json;
using RecipeBot.Core.Channels;
using RecipeBot.Core.Engine;
using RecipeBot.Core.Tests;

namespace RecipeBot.Channels.Terminal.Tests;

/// <summary>Reminders written to the terminal between the chat's own replies.</summary>
public sealed class TerminalChannelSenderTests
{
    private static readonly byte[] Calendar = Encoding.UTF8.GetBytes("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n");

    private readonly EngineHarness _bot = new();

    private static OutgoingMessage Reminder(string chat = "local", int number = 0, MessageAttachment? attachment = null) =>
        new($"terminal:{chat}", $"The working group meets tomorrow at 18:00 ({number}).", [new ChoiceView("ok", "OK"), new ChoiceView("later", "Later")], [], "meeting", "en", Attachment: attachment, Proactive: true);

    [Fact]
    public async Task InJsonLines_AReminderIsOneLineLikeAReply_MarkedProactive()
    {
        var writer = new StringWriter();
        using var output = new TerminalOutput(writer);
        var sender = new TerminalChannelSender(output, new TerminalOptions { JsonLines = true });

        var outcome = await sender.SendAsync(Reminder("anna"), CancellationToken.None);

        Assert.Equal(SendOutcome.Sent, outcome);
        var line = JsonDocument.Parse(Assert.Single(writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries))).RootElement;
        Assert.True(line.GetProperty("proactive").GetBoolean());
        Assert.Equal("anna", line.GetProperty("chat").GetString());
        Assert.Equal("The working group meets tomorrow at 18:00 (0).", line.GetProperty("text").GetString());
        Assert.Equal(["ok", "later"], line.GetProperty("choices").EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        Assert.Equal("meeting", line.GetProperty("state").GetString());
    }

    [Fact]
    public async Task InJsonLines_RemindersSentDuringTheChat_NeverBreakALine()
    {
        // Arrange
        var writer = new TrickleWriter();
        using var output = new TerminalOutput(writer);
        var options = new TerminalOptions { JsonLines = true };
        var sender = new TerminalChannelSender(output, options);
        string[] texts = ["/start", "en", "official", "contact", "no-partners"];
        var input = new StringReader(string.Join('\n', texts.Select(t => JsonSerializer.Serialize(new { text = t }))));

        // Act
        var chat = TerminalBed.JsonLines(_bot, output, options).RunAsync(input, output, CancellationToken.None);
        var reminders = Enumerable.Range(0, 20).Select(i => sender.SendAsync(Reminder(number: i), CancellationToken.None).AsTask()).ToList();
        await Task.WhenAll(reminders.Append(chat));

        // Assert
        var lines = writer.Text.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(25, lines.Count);
        Assert.Equal(20, lines.Count(l => l.TryGetProperty("proactive", out _)));
        Assert.Equal("contact/no-partners", lines.Last(l => !l.TryGetProperty("proactive", out _)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task Interactively_AReminderAtThePrompt_IsABellBlockWithNumberedChoices_AndThePromptComesBack()
    {
        // Arrange
        var writer = new StringWriter();
        using var output = new TerminalOutput(writer);
        var sender = new TerminalChannelSender(output, new TerminalOptions());
        var input = new LineFeeder();
        var chat = TerminalBed.Interactive(_bot, output, new TerminalOptions()).RunAsync(input, output, CancellationToken.None);
        await input.WaitingAsync();

        // Act
        await sender.SendAsync(Reminder(attachment: new MessageAttachment("working-group.ics", "text/calendar", Calendar)), CancellationToken.None);
        input.Type("2");
        input.End();
        await chat;

        // Assert
        var nl = Environment.NewLine;
        var expectedBlock = $"> {nl}{nl}🔔 The working group meets tomorrow at 18:00 (0).{nl}  1) OK{nl}  2) Later{nl}"
            + $"📎 working-group.ics{nl}BEGIN:VCALENDAR{nl}VERSION:2.0{nl}END:VCALENDAR{nl}{nl}> ";
        var text = writer.ToString();
        var block = text.IndexOf(expectedBlock, StringComparison.Ordinal);
        Assert.True(block >= 0, $"No reminder block at the prompt in:{nl}{text}");
        var reply = text.IndexOf("Who are you?", StringComparison.Ordinal);
        Assert.True(reply > block, "The reply to the line typed after the reminder should follow it.");
    }

    [Fact]
    public void Interactively_ABinaryAttachment_IsNamedWithItsSize_NotPrinted()
    {
        var message = Reminder(attachment: new MessageAttachment("plan.pdf", "application/pdf", [0x25, 0x50, 0x44, 0x46, 0x00]));

        var block = InteractiveChat.Render(message);

        Assert.Contains("📎 plan.pdf (5 bytes)", block, StringComparison.Ordinal);
        Assert.DoesNotContain("%PDF", block, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherChannelsConversation_HasNoRoute_AndNothingIsWritten()
    {
        var writer = new StringWriter();
        using var output = new TerminalOutput(writer);
        var sender = new TerminalChannelSender(output, new TerminalOptions());

        var outcome = await sender.SendAsync(Reminder() with { ConversationId = "telegram:42" }, CancellationToken.None);

        Assert.Equal(SendOutcome.NoRoute, outcome);
        Assert.Empty(writer.ToString());
    }
}
