using RecipeBot.Core.Dialogs;

namespace RecipeBot.Core.Tests.Dialogs;

public sealed class ButtonCodecTests
{
    [Theory]
    [InlineData("sched:freq:weekly", ScheduleButton.Kind.Frequency, "weekly")]
    [InlineData("sched:time:18:00", ScheduleButton.Kind.Time, "18:00")]
    [InlineData("sched:date:2026-12-01", ScheduleButton.Kind.Date, "2026-12-01")]
    [InlineData("sched:save", ScheduleButton.Kind.Save, "")]
    [InlineData("sched:continue", ScheduleButton.Kind.Continue, "")]
    public void AScheduleButton_RoundTrips(string id, ScheduleButton.Kind what, string value)
    {
        Assert.True(ScheduleButton.TryParse(id, out var button));

        Assert.Equal(new ScheduleButton(what, value), button);
        Assert.Equal(id, button.Id);
    }

    [Theory]
    [InlineData("sched:")]
    [InlineData("sched:fly:away")]
    [InlineData("mtg:list")]
    [InlineData("schedule")]
    public void ATextThatIsNoScheduleButton_IsNotRead(string id) => Assert.False(ScheduleButton.TryParse(id, out _));

    [Theory]
    [InlineData("mtg:list", MeetingButton.Kind.List, "")]
    [InlineData("mtg:k3x9abcdef", MeetingButton.Kind.Open, "k3x9abcdef")]
    [InlineData("mtg:k3x9abcdef:pause", MeetingButton.Kind.Pause, "k3x9abcdef")]
    [InlineData("mtg:k3x9abcdef:ics", MeetingButton.Kind.Ics, "k3x9abcdef")]
    public void AMeetingButton_RoundTrips(string id, MeetingButton.Kind what, string meetingId)
    {
        Assert.True(MeetingButton.TryParse(id, out var button));

        Assert.Equal(new MeetingButton(what, meetingId), button);
        Assert.Equal(id, button.Id);
    }

    [Fact]
    public void AMeetingButtonOfAnActionThisVersionDoesNotKnow_OpensTheMeeting()
    {
        Assert.True(MeetingButton.TryParse("mtg:k3x9abcdef:archive", out var button));

        Assert.Equal(new MeetingButton(MeetingButton.Kind.Open, "k3x9abcdef"), button);
    }

    [Fact]
    public void TheCloseButtons_CarryMeetingAndOccurrence_AndTheOldMinutesButtonReadsAsClose()
    {
        var occurrence = new DateTimeOffset(2026, 12, 8, 16, 0, 0, TimeSpan.Zero);
        var id = new CloseOutButton(Skip: false, "k3x9abcdef", occurrence).Id;

        Assert.Equal("close:k3x9abcdef:20261208T1600Z", id);
        Assert.Equal("close-skip:k3x9abcdef:20261208T1600Z", new CloseOutButton(Skip: true, "k3x9abcdef", occurrence).Id);
        Assert.True(CloseOutButton.TryParse(id, out var button));
        Assert.Equal(("k3x9abcdef", occurrence, false), (button.MeetingId, button.Occurrence, button.Skip));
        Assert.True(CloseOutButton.TryParse("minutes:k3x9abcdef:20261208T1600Z", out var legacy));
        Assert.Equal(button, legacy);
        Assert.False(CloseOutButton.TryParse("minutes:k3x9abcdef:yesterday", out _));
    }

    [Theory]
    [InlineData("step:done:contact/no-partners", true)]
    [InlineData("step:stuck:contact/no-partners", false)]
    public void TheNextStepButtons_RoundTrip(string id, bool done)
    {
        Assert.True(NextStepButton.TryParse(id, out var button));

        Assert.Equal(new NextStepButton(done, "contact/no-partners"), button);
        Assert.Equal(id, button.Id);
        Assert.False(NextStepButton.TryParse("step:maybe:contact/no-partners", out _));
    }

    [Fact]
    public void AnIntentButton_RoundTrips_AndNeitherIsNoIntent()
    {
        Assert.True(IntentButton.TryParse("intent:planning/priorities", out var button));

        Assert.Equal("planning/priorities", button.Intent);
        Assert.Equal("intent:planning/priorities", button.Id);
        Assert.False(IntentButton.TryParse(IntentButton.Neither, out _));
    }

    [Theory]
    [InlineData("mtg:x", "mtg:")]
    [InlineData("method:x", "method:")]
    [InlineData("neither", "neither")]
    [InlineData("contact", null)]
    [InlineData("step", null)]
    public void ContentIds_CollideOnlyWithTheReservedPrefixesAndIds(string id, string? reserved) =>
        Assert.Equal(reserved, ButtonIds.Collision(id));
}
