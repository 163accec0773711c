using RecipeBot.Core.Turns;

namespace RecipeBot.Core.Tests.Turns;

public sealed class ConversationGateTests
{
    [Fact]
    public async Task TheSameConversation_WaitsForTheTurnBefore()
    {
        var gate = new ConversationGate();
        var first = await gate.EnterAsync("teams:a", CancellationToken.None);

        var second = gate.EnterAsync("teams:a", CancellationToken.None).AsTask();
        await Task.Delay(100);
        Assert.False(second.IsCompleted);

        first.Dispose();
        (await second.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }

    [Fact]
    public async Task OtherConversations_DoNotWait()
    {
        var gate = new ConversationGate();
        using var first = await gate.EnterAsync("teams:a", CancellationToken.None);

        var other = gate.EnterAsync("teams:b", CancellationToken.None).AsTask();

        Assert.True(other.IsCompletedSuccessfully);
        (await other).Dispose();
    }

    [Fact]
    public async Task AWaiterThatGivesUp_DoesNotBlockTheNext()
    {
        var gate = new ConversationGate();
        var first = await gate.EnterAsync("teams:a", CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var abandoned = gate.EnterAsync("teams:a", cancel.Token).AsTask();

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        first.Dispose();

        (await gate.EnterAsync("teams:a", CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }
}
