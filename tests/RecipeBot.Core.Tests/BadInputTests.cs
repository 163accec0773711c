using RecipeBot.Core.Diagnosis;
using RecipeBot.Core.Flow;

namespace RecipeBot.Core.Tests;

/// <summary>Messages that once ended the turn with an exception: each now gets a reply.</summary>
public sealed class BadInputTests
{
    private readonly EngineHarness _bot = new(understandsFreeText: true);

    // Escaped, because test discovery would turn a lone surrogate into U+FFFD before the test saw it.
    [Theory]
    [InlineData(@"aitäh \U0001F642")]
    [InlineData(@"\U0001F642")]
    [InlineData(@"\U0001F44D")]
    [InlineData(@"\U0001F1EA\U0001F1EA")]
    [InlineData(@"\U0001D413\U0001D41E\U0001D42B\U0001D41E")]
    [InlineData(@"\uFFFE")]
    [InlineData(@"\uFFFF")]
    [InlineData(@"\uD800")]
    [InlineData(@"a\uDC00b")]
    [InlineData(@"\u0000")]
    [InlineData(@"\u200F\u05E9\u05DC\u05D5\u05DD")]
    public async Task AnyTextAtAnyPoint_GetsAReply(string escaped)
    {
        var text = Escapes.Unescape(escaped);

        var first = await _bot.SayAsync(text);
        await _bot.SayAsync("en");
        var inTheMenu = await _bot.SayAsync(text);
        await _bot.SayAsync("/remind");
        var inADraft = await _bot.SayAsync(text);

        Assert.Equal("language", first.State);
        Assert.Equal("role", inTheMenu.State);
        Assert.NotEmpty(inADraft.Text);
        Assert.Equal(0, _bot.FailedTurns);
    }

    [Theory]
    [InlineData(@"\uFFFE", "")]
    [InlineData(@"\uFFFF", "")]
    [InlineData(@"\uD800", "\uFFFD")]
    [InlineData(@"a\uDC00b", "a\uFFFDb")]
    [InlineData(@"\uDC00\uD800", "\uFFFD\uFFFD")]
    [InlineData(@"  Ametnik\uFFFE! ", "ametnik")]
    [InlineData(@"\u0000", "\u0000")]
    [InlineData(@"\U0001F642 \u00F5ige", "\U0001F642 oige")]
    public void TextNormalizer_FoldsInvalidUtf16_InsteadOfThrowing(string escaped, string expected)
    {
        Assert.Equal(expected, TextNormalizer.Normalize(Escapes.Unescape(escaped)));
    }

    [Theory]
    [InlineData("Ametnik !", "ametnik")]
    [InlineData(": [", "")]
    public void TextNormalizer_DropsTheSpaceBeforeTrailingPunctuation_SoThatFoldingTwiceChangesNothing(string text, string expected)
    {
        Assert.Equal(expected, TextNormalizer.Normalize(text));
        Assert.Equal(expected, TextNormalizer.Normalize(TextNormalizer.Normalize(text)));
    }

    [Theory]
    [InlineData(@"\uFFFE")]
    [InlineData(@"\uD800")]
    [InlineData(@"a\uDC00b")]
    [InlineData(@"\U0001F642")]
    [InlineData("")]
    [InlineData(" ")]
    public void TheClassifier_AnswersForAnyText(string escaped)
    {
        var diagnosis = RepositoryContent.Diagnoser.Diagnose(Escapes.Unescape(escaped));

        Assert.Contains(diagnosis.Language, RepositoryContent.Content.Flow.Languages);
        Assert.False(float.IsNaN(diagnosis.Confidence));
    }

    [Theory]
    [InlineData("en", "every 999999999 weeks on monday at 10", "That gap is too long for me: at most 52 weeks or 12 months.")]
    [InlineData("et", "iga 60 nädala tagant esmaspäeval kell 10", "Nii pikka vahet ma ei planeeri: kõige rohkem 52 nädalat või 12 kuud.")]
    [InlineData("ru", "раз в 100 недель в понедельник в 10", "Такой большой промежуток я не планирую: не больше 52 недель или 12 месяцев.")]
    public async Task AnAbsurdInterval_GetsItsHint_InTheConversationsLanguage(string language, string text, string hint)
    {
        await _bot.SayAsync("/start");
        await _bot.SayAsync(language);
        await _bot.SayAsync("/remind");

        var reply = await _bot.SayAsync(text);

        Assert.StartsWith(hint, reply.Text, StringComparison.Ordinal);
        Assert.Null(reply.Schedule);
    }

    [Theory]
    [InlineData("en", "every 999999999 weeks on monday at 10", "That gap is too long for me: at most 52 weeks or 12 months.")]
    [InlineData("et", "iga 60 nädala tagant esmaspäeval kell 10", "Nii pikka vahet ma ei planeeri: kõige rohkem 52 nädalat või 12 kuud.")]
    public async Task AnAbsurdInterval_TypedOutsideAnyDialog_GetsItsHint_NotAGuess(string language, string text, string hint)
    {
        await _bot.SayAsync("/start");
        await _bot.SayAsync(language);

        var reply = await _bot.SayAsync(text);

        Assert.StartsWith(hint, reply.Text, StringComparison.Ordinal);
        Assert.Null(reply.Schedule);
    }

    [Theory]
    [InlineData("١٨", "18:00")]
    [InlineData("१८:३०", "18:30")]
    [InlineData("kell ١٠", "10:00")]
    public async Task ATimeInAnotherScriptsDigits_AtTheGuidedTimeStep_IsReadAsThatTime(string typed, string time)
    {
        await _bot.SayAsync("/start");
        await _bot.SayAsync("en");
        await _bot.SayAsync("/remind");
        await _bot.SayAsync("sched:freq:weekly");
        await _bot.SayAsync("sched:day:tu");

        var reply = await _bot.SayAsync(typed);

        Assert.NotNull(reply.Schedule);
        Assert.Equal(time, reply.Schedule.Next[0].ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("et", "schedule.hint.interval-too-large")]
    [InlineData("en", "schedule.hint.interval-too-large")]
    [InlineData("ru", "schedule.hint.interval-too-large")]
    [InlineData("et", "schedule.hint.missing-day-of-month")]
    [InlineData("en", "schedule.hint.missing-day-of-month")]
    [InlineData("ru", "schedule.hint.missing-day-of-month")]
    public async Task TheExamplesInAScheduleHint_AreThemselvesSchedules(string language, string key)
    {
        await _bot.SayAsync("/start");
        await _bot.SayAsync(language);
        var examples = System.Text.RegularExpressions.Regex.Matches(RepositoryContent.Content.Text(key, language), "[„“«]([^„“”«»]+)[“”»]")
            .Select(m => m.Groups[1].Value)
            .ToList();

        Assert.Equal(2, examples.Count);
        foreach (var example in examples)
        {
            var reply = await _bot.SayAsync(example);

            Assert.True(reply.Schedule is not null, $"'{example}' is not read as a schedule: {reply.Text}");
            await _bot.SayAsync("sched:cancel");
        }
    }
}
