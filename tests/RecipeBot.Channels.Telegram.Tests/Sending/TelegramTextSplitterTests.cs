using RecipeBot.Channels.Telegram.Sending;

namespace RecipeBot.Channels.Telegram.Tests.Sending;

public sealed class TelegramTextSplitterTests
{
    [Fact]
    public void TextOfExactlyTheMaximum_StaysOnePart()
    {
        var text = new string('a', TelegramTextSplitter.MaxLength);

        var parts = TelegramTextSplitter.Split(text);

        Assert.Equal([text], parts);
    }

    [Fact]
    public void TextOneCharacterOverTheMaximum_IsSplitInTwo()
    {
        var text = new string('a', TelegramTextSplitter.MaxLength + 1);

        var parts = TelegramTextSplitter.Split(text);

        Assert.Equal([TelegramTextSplitter.MaxLength, 1], parts.Select(part => part.Length));
    }

    [Fact]
    public void LongText_IsSplitAtTheLastParagraphBreak_ThoughLineBreaksComeLater()
    {
        var first = "Ingredients\n" + new string('a', 20);
        var second = "Steps\n" + new string('b', 20) + "\n" + new string('c', 20);

        var parts = TelegramTextSplitter.Split(first + "\n\n" + second, maxLength: 50);

        Assert.Equal([first, second], parts);
    }

    [Fact]
    public void TextWithoutParagraphs_IsSplitAtLineBreaks()
    {
        var parts = TelegramTextSplitter.Split("one two\nthree four\nfive", maxLength: 20);

        Assert.Equal(["one two\nthree four", "five"], parts);
    }

    [Fact]
    public void TextWithoutLineBreaks_IsSplitAtSpaces()
    {
        var parts = TelegramTextSplitter.Split("one two three four five", maxLength: 10);

        Assert.Equal(["one two", "three four", "five"], parts);
    }

    [Fact]
    public void HardSplit_NeverFallsInsideAnEntity()
    {
        var text = new string('a', 8) + "&amp;" + new string('b', 8);

        var parts = TelegramTextSplitter.Split(text, maxLength: 10);

        Assert.Equal([new string('a', 8), "&amp;" + new string('b', 5), "bbb"], parts);
    }

    [Fact]
    public void HardSplit_NeverFallsInsideATag()
    {
        var text = new string('a', 8) + "<i>x</i>";

        var parts = TelegramTextSplitter.Split(text, maxLength: 10);

        Assert.Equal([new string('a', 8), "<i>x</i>"], parts);
    }

    [Fact]
    public void SpaceInsideATag_IsNotASplitPoint()
    {
        var parts = TelegramTextSplitter.Split("see <a href=\"u\">li</a>", maxLength: 20);

        Assert.Equal(["see", "<a href=\"u\">li</a>"], parts);
    }

    [Fact]
    public void TagsOpenAtASplit_AreClosedAndReopened()
    {
        var parts = TelegramTextSplitter.Split("<b>bold one\nbold two</b>", maxLength: 20);

        Assert.Equal(["<b>bold one</b>", "<b>bold two</b>"], parts);
    }

    [Fact]
    public void HardSplit_NeverSeparatesASurrogatePair()
    {
        var text = new string('a', 9) + "😀" + "b";

        var parts = TelegramTextSplitter.Split(text, maxLength: 10);

        Assert.Equal([new string('a', 9), "😀b"], parts);
    }

    [Fact]
    public void EveryPartOfALongRecipe_FitsAndKeepsItsEntitiesWhole()
    {
        var random = new Random(1234);
        var words = new[] { "salt", "&amp;", "<b>pepper</b>", "oil", "&lt;3", "<i>slowly</i>", "stir", "\n", "\n\n" };
        var text = string.Join(' ', Enumerable.Range(0, 5000).Select(_ => words[random.Next(words.Length)]));

        var parts = TelegramTextSplitter.Split(text);

        Assert.True(parts.Count > 1);
        Assert.All(parts, part => Assert.InRange(part.Length, 1, TelegramTextSplitter.MaxLength));
        Assert.Equal(Count(text, "&amp;"), parts.Sum(part => Count(part, "&amp;")));
        Assert.Equal(Count(text, "<b>pepper</b>"), parts.Sum(part => Count(part, "<b>pepper</b>")));
    }

    private static int Count(string text, string value) => (text.Length - text.Replace(value, "", StringComparison.Ordinal).Length) / value.Length;
}
