using RecipeBot.Tests.Postgres;
using Xunit.Abstractions;

namespace RecipeBot.EndToEnd.Tests.Crash;

/// <summary>
/// Two instances on one PostgreSQL under load, webhook updates spread over both, one killed with SIGKILL midway and
/// not restarted: the survivor takes over the dead one's inbox and outbox rows once their lease runs out. Every
/// acknowledged message gets its reply, each chat's replies (duplicates too) arrive in order, and duplicates are counted.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ClusterCrashTests(PostgresServer server, ITestOutputHelper output)
{
    private const int Users = 80;
    private const int Steps = 4;

    [SkippableFact]
    public async Task TwoInstances_OneKilledUnderLoad_LoseNoReply_AndKeepEachChatsOrder()
    {
        await using var run = await ClusterRun.StartAsync(server.CreateDatabase(), Users, Steps);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));

        // Patience covers the 30 s lease of the dead instance's rows and the queue of 80 chats.
        var walk = run.WalkAsync(TimeSpan.FromSeconds(75), timeout.Token);
        await run.KillWhenBusyAsync(0, 60, timeout.Token);
        await walk;

        var replies = run.Users.SelectMany(u => u.Replies.Take(u.Sent)).ToList();
        var unsent = run.Users.Sum(u => u.Steps - u.Sent);
        var lost = replies.Count(r => r == 0);
        var duplicates = replies.Sum(r => Math.Max(0, r - 1));
        var outOfOrder = run.OutOfOrder();
        output.WriteLine($"two instances, one killed: {replies.Count} messages, {replies.Count - lost} answered, {lost} lost, {duplicates} duplicates, {outOfOrder.Count} chats out of order");
        Assert.True(lost == 0, $"{lost} of {replies.Count} messages got no reply.\n{run.Log}");
        Assert.True(unsent == 0, $"{unsent} steps were never sent: the users waited in vain for earlier replies.\n{run.Log}");
        Assert.True(outOfOrder.Count == 0, $"Replies out of order in chats {string.Join(", ", outOfOrder)}");
    }
}
