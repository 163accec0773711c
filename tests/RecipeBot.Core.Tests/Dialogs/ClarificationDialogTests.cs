using RecipeBot.Core.Conversations;
using RecipeBot.Core.Dialogs;
using RecipeBot.Core.Engine;
using Microsoft.Extensions.Time.Testing;

namespace RecipeBot.Core.Tests.Dialogs;

/// <summary>"Did you mean A or B?" on its own: the candidates are its state; anything else closes it.</summary>
public sealed class ClarificationDialogTests
{
    private readonly List<string> _acted = [];
    private readonly Conversation _conversation = new("test:1", "en", "phase", DateTimeOffset.UnixEpoch) { Misses = 1 };
    private readonly ClarificationDialog _dialog;

    public ClarificationDialogTests()
    {
        var replies = new Replies(RepositoryContent.Compile(), new FakeTimeProvider());
        _dialog = new ClarificationDialog(replies, (turn, intent) =>
        {
            _acted.Add(intent);
            return ValueTask.FromResult(replies.Full(turn.Conversation));
        });
    }

    [Fact]
    public async Task Asking_RemembersTheCandidates_OffersThemAndNeither_AndIsNoMiss()
    {
        var question = await _dialog.AskAsync(_conversation, ["contact/no-partners", "schedule-meeting"]);

        Assert.Equal(["contact/no-partners", "schedule-meeting"], _conversation.Clarification);
        Assert.Equal(["intent:contact/no-partners", "intent:schedule-meeting", "neither"], question.Choices.Select(c => c.Id));
        Assert.Equal("We can't find NGOs or active residents", question.Choices[0].Label);
        Assert.Equal(0, _conversation.Misses);
    }

    [Theory]
    [InlineData("2")]
    [InlineData("intent:schedule-meeting")]
    [InlineData("schedule a regular meeting")]
    public async Task ACandidate_ByNumberIdOrLabel_IsActedOn_AndTheQuestionCloses(string typed)
    {
        await _dialog.AskAsync(_conversation, ["contact/no-partners", "schedule-meeting"]);

        var reply = await _dialog.AnswerAsync(Turn(typed));

        Assert.NotNull(reply);
        Assert.Equal(["schedule-meeting"], _acted);
        Assert.Empty(_conversation.Clarification);
    }

    [Fact]
    public async Task Neither_AsksForOtherWords()
    {
        await _dialog.AskAsync(_conversation, ["contact/no-partners"]);

        var reply = await _dialog.AnswerAsync(Turn("neither"));

        Assert.StartsWith("All right. Please describe your problem in other words", reply!.Text, StringComparison.Ordinal);
        Assert.Empty(_acted);
        Assert.Empty(_conversation.Clarification);
    }

    [Fact]
    public async Task SomethingElse_ClosesTheQuestion_AndIsLeftToTheCaller()
    {
        await _dialog.AskAsync(_conversation, ["contact/no-partners"]);

        var reply = await _dialog.AnswerAsync(Turn("how do I get the council on board?"));

        Assert.Null(reply);
        Assert.Empty(_acted);
        Assert.Empty(_conversation.Clarification);
    }

    private DialogTurn Turn(string text) => new(_conversation, new IncomingMessage("test:1", text), isNew: false, CancellationToken.None);
}
