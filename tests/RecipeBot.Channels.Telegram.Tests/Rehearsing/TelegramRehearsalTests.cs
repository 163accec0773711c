using RecipeBot.Channels.Telegram.Rehearsing;
using RecipeBot.Core.Flow;
using RecipeBot.Core.Loading;
using RecipeBot.Core.Turns;

namespace RecipeBot.Channels.Telegram.Tests.Rehearsing;

public sealed class TelegramRehearsalTests
{
    [Fact]
    public async Task EachLanguagesChat_StartsPressesAndTypes_AndEveryReplyLeavesThroughTheSender()
    {
        var flow = CompiledFlow.Compile(ContentLoader.LoadValid(RecipeBot.Tests.Shared.RepositoryPaths.Dialogs()));
        var rehearsal = new Rehearsal(flow, diagnoser: null, TimeProvider.System);

        var sent = await new TelegramRehearsal().RunAsync(rehearsal, CancellationToken.None);

        // /start, every press answered with a message that had buttons again, and the typed question: all sent.
        Assert.Equal(rehearsal.Languages.Count * (TelegramRehearsal.Presses + 2), sent);
        Assert.Empty(await rehearsal.Outbox.PendingAsync("telegram:", 0, 100, DateTimeOffset.MaxValue, CancellationToken.None));
        for (var chat = 1; chat <= rehearsal.Languages.Count; chat++)
        {
            var conversation = await rehearsal.Conversations.LoadAsync($"telegram:{chat}", CancellationToken.None);
            Assert.NotNull(conversation);
            Assert.Equal(rehearsal.Languages[chat - 1], conversation.Language);
            Assert.Equal(TelegramRehearsal.Presses + 2, conversation.Turns);
        }
    }
}
