namespace RecipeBot.Reminders.Tests;

public sealed class LeadTimeTests
{
    [Theory]
    [InlineData("1h", "1h")]
    [InlineData("60m", "1h")]
    [InlineData("90m", "90m")]
    [InlineData("48h", "48h")]
    [InlineData(" 1d@10:00 ", "1d@10:00")]
    [InlineData("0d@08:30", "0d@08:30")]
    public void Parse_GivesTheCanonicalSpelling(string text, string canonical)
    {
        Assert.True(LeadTime.TryParse(text, out var lead));
        Assert.Equal(canonical, lead.Text);
        Assert.Equal("lead-" + canonical, lead.Kind);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1")]
    [InlineData("0h")]
    [InlineData("1d")]
    [InlineData("1d@25:00")]
    [InlineData("1d@9:00")]
    [InlineData("-1h")]
    [InlineData("1H")]
    [InlineData("1h30m")]
    [InlineData("1w")]
    public void Parse_RefusesWhatIsNotALeadTime(string text)
    {
        Assert.False(LeadTime.TryParse(text, out _));
        var error = Assert.Throws<FormatException>(() => LeadTime.Parse(text));
        Assert.Equal($"\"{text}\" is not a lead time: use \"Nd@HH:mm\" (N days before, at that local time), \"Nh\" or \"Nm\" (that long before).", error.Message);
    }

    [Fact]
    public void FromKind_ReadsTheLeadTimeOutOfALedgerKind()
    {
        Assert.Equal(TimeSpan.FromMinutes(30), LeadTime.FromKind("lead-30m")!.Before);
        Assert.Null(LeadTime.FromKind("minutes"));
    }
}
