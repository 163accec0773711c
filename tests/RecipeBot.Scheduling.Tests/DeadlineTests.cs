using FsCheck.Xunit;
using RecipeBot.Tests.Shared;

namespace RecipeBot.Scheduling.Tests;

/// <summary>Milestone dates typed naturally; today is Sunday 22 November 2026.</summary>
public sealed class DeadlineTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly string[] Languages = ["et", "en", "ru"];

    [Theory]
    [InlineData("et", "Kaasamiskava valmis märtsi lõpuks", 2027, 3, 31, "Kaasamiskava valmis")]
    [InlineData("et", "avalik arutelu 15.03.2027", 2027, 3, 15, "avalik arutelu")]
    [InlineData("et", "aruanne jaanuari alguseks", 2027, 1, 1, "aruanne")]
    [InlineData("et", "küsitlus 1. märtsil", 2027, 3, 1, "küsitlus")]
    [InlineData("et", "eelnõu detsembri keskel", 2026, 12, 15, "eelnõu")]
    [InlineData("en", "Engagement plan by the end of March", 2027, 3, 31, "Engagement plan")]
    [InlineData("en", "public hearing by 1 March", 2027, 3, 1, "public hearing")]
    [InlineData("en", "survey mid-April 2028", 2028, 4, 15, "survey")]
    [InlineData("en", "draft by March", 2027, 3, 31, "draft")]
    [InlineData("ru", "План вовлечения до конца марта", 2027, 3, 31, "План вовлечения")]
    [InlineData("ru", "обсуждение 15 марта", 2027, 3, 15, "обсуждение")]
    [InlineData("ru", "отчёт к началу февраля", 2027, 2, 1, "отчёт")]
    public void ADeadline_IsReadWithTheWordsAroundIt(string language, string text, int year, int month, int day, string rest)
    {
        var deadline = Deadlines.Find(text, language, Languages, Today);

        Assert.Equal(new Deadline(new DateOnly(year, month, day), rest), deadline);
    }

    [Fact]
    public void ADateInAnotherLanguage_IsStillRead() =>
        Assert.Equal(new DateOnly(2027, 3, 31), Deadlines.Find("end of March", "et", Languages, Today)?.Date);

    [Theory]
    [InlineData("some day soon")]
    [InlineData("31.02.2027")]
    [InlineData("")]
    public void NoDate_IsNull(string text) => Assert.Null(Deadlines.Find(text, "en", Languages, Today));

    [Property(Arbitrary = [typeof(AnyTextArbitrary)], MaxTest = 300)]
    public void AnyText_NeverThrows(AnyText text)
    {
        foreach (var language in Languages)
        {
            _ = Deadlines.Find(text.Value, language, Languages, Today);
        }
    }
}
