using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RecipeBot.Core.Channels;
using RecipeBot.Core.Engine;

namespace RecipeBot.Channels.Terminal.Tests;

/// <summary>The exact shape of a JSON-lines reply's optional fields, which scripts read.</summary>
public sealed class JsonLinesOutputTests
{
    private static readonly TimeSpan Tallinn = TimeSpan.FromHours(2);

    private static OutgoingMessage Reply(ScheduleView? schedule = null, MessageAttachment? attachment = null) =>
        new("terminal:anna", "Tuesdays at 18:00.", [], [], "meeting/confirm", "en", schedule, attachment);

    [Fact]
    public void ASchedule_IsItsRruleZoneAndNextStarts_AsIsoTimesWithTheirOffset()
    {
        var schedule = new ScheduleView(
            "FREQ=WEEKLY;BYDAY=TU",
            "Europe/Tallinn",
            [new DateTimeOffset(2026, 12, 8, 18, 0, 0, Tallinn), new DateTimeOffset(2026, 12, 15, 18, 0, 0, Tallinn), new DateTimeOffset(2026, 12, 22, 18, 30, 0, Tallinn)]);

        var line = JsonLinesChat.Serialize(Reply(schedule), proactive: false);

        Assert.Contains(
            """
            ,"schedule":{"rrule":"FREQ=WEEKLY;BYDAY=TU","timeZone":"Europe/Tallinn","next":["2026-12-08T18:00:00+02:00","2026-12-15T18:00:00+02:00","2026-12-22T18:30:00+02:00"]}
            """,
            line,
            StringComparison.Ordinal);
        Assert.DoesNotContain("attachment", line, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAttachment_IsItsNameTypeAndSize_WithoutItsContent()
    {
        var content = Encoding.UTF8.GetBytes("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");

        var line = JsonLinesChat.Serialize(Reply(attachment: new MessageAttachment("meeting.ics", "text/calendar", content)), proactive: false);

        Assert.Contains(
            ""","attachment":{"fileName":"meeting.ics","contentType":"text/calendar","size":""" + content.Length.ToString(CultureInfo.InvariantCulture) + "}",
            line,
            StringComparison.Ordinal);
        Assert.DoesNotContain("VCALENDAR", line, StringComparison.Ordinal);
    }

    [Fact]
    public void APlainReply_HasNoScheduleAttachmentOrProactiveField()
    {
        var line = JsonDocument.Parse(JsonLinesChat.Serialize(Reply(), proactive: false)).RootElement;

        Assert.Equal(
            ["chat", "text", "choices", "recipes", "state", "language"],
            line.EnumerateObject().Select(property => property.Name));
        Assert.Equal("anna", line.GetProperty("chat").GetString());
    }

    [Fact]
    public void TheTerminalChat_RegistersItsChannelSender_NextToTheOtherChannels()
    {
        var services = new ServiceCollection().AddTerminalChat(new TerminalOptions { JsonLines = true });

        var sender = Assert.Single(services, descriptor => descriptor.ServiceType == typeof(IChannelSender));

        Assert.Equal(typeof(TerminalChannelSender), sender.ImplementationType);
        Assert.Equal(ServiceLifetime.Singleton, sender.Lifetime);
    }
}
