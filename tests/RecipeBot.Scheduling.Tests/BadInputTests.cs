using RecipeBot.Scheduling;

namespace RecipeBot.Scheduling.Tests;

/// <summary>Texts that once made the grammar throw: each must read as something, or be refused with a hint.</summary>
public class BadInputTests
{
    // Escaped, because test discovery would turn a lone surrogate into U+FFFD before the test saw it.
    [Theory]
    [InlineData(@"\U0001F642", "en")]
    [InlineData(@"\U0001F44D", "et")]
    [InlineData(@"\U0001F1EA\U0001F1EA", "ru")]
    [InlineData(@"\U0001D413\U0001D41E\U0001D42B\U0001D41E", "et")]
    [InlineData(@"aitäh \U0001F642", "et")]
    [InlineData(@"\uD800", "en")]
    [InlineData(@"a\uDC00b", "en")]
    [InlineData(@"\uDC00\uD800", "ru")]
    [InlineData(@"\uFFFE", "et")]
    [InlineData(@"\uFFFF\uFFFE", "en")]
    [InlineData(@"\u0000", "en")]
    public void TextOutsideTheBasicPlaneOrInvalid_IsUnrecognised_NotAnException(string escaped, string language)
    {
        var result = ScheduleGrammar.Parse(Unescape(escaped), language, ParseOutcome.Now);

        Assert.Equal("invalid: unrecognised", ParseOutcome.Describe(result));
    }

    [Theory]
    [InlineData("every Monday at 10 🙂", "FREQ=WEEKLY;BYDAY=MO 10:00 2026-01-05")]
    [InlineData("🙂 every Monday at 10 in the 🏛 hall", "FREQ=WEEKLY;BYDAY=MO 10:00 2026-01-05")]
    public void AnEmojiBesideASchedule_DoesNotShiftWhatIsRead(string text, string expected)
    {
        var result = ScheduleGrammar.Parse(text, "en", ParseOutcome.Now);

        Assert.Equal(expected, ParseOutcome.Describe(result));
    }

    [Fact]
    public void EmojiAtTheEdgesOfTheTitle_AreDropped_AndInsideThePlaceKept()
    {
        var schedule = ParseOutcome.Single(ScheduleGrammar.Parse("Kohvik ☕🙂 every Monday at 10 in the 🏛 hall", "en", ParseOutcome.Now));

        Assert.Equal(("Kohvik", "in the 🏛 hall"), (schedule.Title, schedule.Place));
    }

    [Theory]
    [InlineData("every Monday at ١٠", "FREQ=WEEKLY;BYDAY=MO 10:00 2026-01-05")]
    [InlineData("on ٥ December at ١٤:٠٠", "ONCE 14:00 2026-12-05")]
    [InlineData("every ३ weeks on Friday at 9", "FREQ=WEEKLY;INTERVAL=3;BYDAY=FR 09:00 2026-01-02")]
    public void DigitsOfOtherScripts_AreReadAsDigits(string text, string expected)
    {
        var result = ScheduleGrammar.Parse(text, "en", ParseOutcome.Now);

        Assert.Equal(expected, ParseOutcome.Describe(result));
    }

    [Theory]
    [InlineData("every 53 weeks on Monday at 10", "en")]
    [InlineData("every 999999999 weeks on monday at 10", "en")]
    [InlineData("every 200000 weeks on Monday at 10", "en")]
    [InlineData("every 99999999999999999999 weeks on Monday at 10", "en")]
    [InlineData("iga 60 nädala tagant esmaspäeval kell 10", "et")]
    [InlineData("раз в 100 недель в понедельник в 10", "ru")]
    [InlineData("каждые 4294967297 недель по понедельникам в 10", "ru")]
    public void AnIntervalOverAYear_IsRefusedWithItsOwnHint(string text, string language)
    {
        var result = ScheduleGrammar.Parse(text, language, ParseOutcome.Now);

        var invalid = Assert.IsType<ScheduleParseResult.Invalid>(result);
        Assert.Equal(ScheduleErrorCodes.IntervalTooLarge, invalid.ErrorCode);
        Assert.Equal("schedule.hint.interval-too-large", invalid.HintKey);
    }

    [Theory]
    [InlineData("every 52 weeks on Monday at 10", "FREQ=WEEKLY;INTERVAL=52;BYDAY=MO 10:00 2026-01-05")]
    [InlineData("iga 52 nädala tagant esmaspäeval kell 10", "FREQ=WEEKLY;INTERVAL=52;BYDAY=MO 10:00 2026-01-05")]
    public void AnIntervalOfAYear_IsStillAccepted(string text, string expected)
    {
        var result = ScheduleGrammar.Parse(text, text.StartsWith("iga", StringComparison.Ordinal) ? "et" : "en", ParseOutcome.Now);

        Assert.Equal(expected, ParseOutcome.Describe(result));
    }

    [Theory]
    [InlineData("every 0 weeks on Monday at 10", "en")]
    [InlineData("iga 0 nädala tagant esmaspäeval kell 10", "et")]
    public void AnIntervalOfZeroWeeks_IsNotAWeeklyMeeting(string text, string language)
    {
        var result = ScheduleGrammar.Parse(text, language, ParseOutcome.Now);

        Assert.IsType<ScheduleParseResult.Invalid>(result);
    }

    [Theory]
    [InlineData("every Monday at 99999999999999999999", "en")]
    [InlineData("on the 4294967297th at 10", "en")]
    [InlineData("on the 4294967297th of December at 10", "en")]
    [InlineData("on 99999999999 December at 10", "en")]
    [InlineData("99999999999-12-05 at 10", "en")]
    [InlineData("05.12.99999999999 at 10", "en")]
    [InlineData("every Monday at 10:99999999999", "en")]
    [InlineData("esmaspäeval kell 99999999999999999999", "et")]
    [InlineData("4294967297. detsembril kell 10", "et")]
    [InlineData("в понедельник в 99999999999999999999", "ru")]
    [InlineData("4294967297 декабря в 10", "ru")]
    [InlineData("every 2147483648th Tuesday at 18", "en")]
    public void HugeNumbersAnywhere_AreRefusedNotThrown(string text, string language)
    {
        var result = ScheduleGrammar.Parse(text, language, ParseOutcome.Now);

        Assert.IsType<ScheduleParseResult.Invalid>(result);
    }

    /// <summary>\uXXXX and \UXXXXXXXX escapes, so that lone surrogates reach the test intact.</summary>
    private static string Unescape(string escaped) =>
        System.Text.RegularExpressions.Regex.Replace(
            escaped,
            @"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})",
            m => m.Groups[1].Success
                ? ((char)Convert.ToInt32(m.Groups[1].Value, 16)).ToString()
                : char.ConvertFromUtf32(Convert.ToInt32(m.Groups[2].Value, 16)));
}
