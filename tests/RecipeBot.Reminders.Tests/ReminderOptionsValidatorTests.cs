namespace RecipeBot.Reminders.Tests;

public sealed class ReminderOptionsValidatorTests
{
    private static readonly ReminderOptionsValidator Validator = new();

    [Fact]
    public void Defaults_AreValid()
    {
        Assert.True(Validator.Validate(null, new ReminderOptions()).Succeeded);
        Assert.Equal(["1d@10:00", "1h"], new ReminderOptions().EffectiveLeadTimes);
    }

    [Fact]
    public void BadLeadTime_IsNamedWithItsPositionAndTheFormat()
    {
        var result = Validator.Validate(null, new ReminderOptions { LeadTimes = ["1h", "tomorrow"] });

        Assert.True(result.Failed);
        Assert.Equal(
            "Reminders:LeadTimes:1 \"tomorrow\" is not a lead time: use \"Nd@HH:mm\" (N days before, at that local time), \"Nh\" or \"Nm\" (that long before), e.g. \"1d@10:00\" or \"1h\".",
            Assert.Single(result.Failures!));
    }

    [Fact]
    public void TheSameLeadTimeTwice_IsRefused()
    {
        var result = Validator.Validate(null, new ReminderOptions { LeadTimes = ["1h", "60m"] });

        Assert.Equal("Reminders:LeadTimes:1 \"60m\" repeats the lead time 1h.", Assert.Single(result.Failures!));
    }

    [Fact]
    public void NegativeOrZeroSpans_AreRefused()
    {
        var result = Validator.Validate(null, new ReminderOptions { CloseReminderDays = [0], CloseAfter = TimeSpan.FromHours(-1) });

        Assert.Equal(
            [
                "Reminders:CloseAfter must be zero or more (a time span such as \"02:00:00\" or \"3.00:00:00\"), not -01:00:00.",
                "Reminders:CloseReminderDays 0 must be a number of days after CloseAfter and within CatchUpWindow (7 days).",
            ],
            result.Failures!);
    }
}
