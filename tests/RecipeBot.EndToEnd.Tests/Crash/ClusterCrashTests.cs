using RecipeBot.Tests.Postgres;
using Xunit.Abstractions;

namespace RecipeBot.EndToEnd.Tests.Crash;

/// <summary>
/// Three instances on one PostgreSQL under load, one killed with SIGKILL midway and not restarted: the survivors take
/// over the dead one's inbox and outbox rows once their lease runs out (and, polling, the election). Every
/// acknowledged message gets its reply, each chat's replies (duplicates too) arrive in order, and duplicates are counted.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ClusterCrashTests(PostgresServer server, ITestOutputHelper output)
{
    private const int Users = 90;
    private const int Steps = 4;

    [SkippableFact]
    public async Task Webhook_ThreeInstances_OneKilledUnderLoad_LoseNoReply_AndKeepEachChatsOrder()
    {
        await using var run = await ClusterRun.StartAsync(webhook: true, server.CreateDatabase(), Users, Steps);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));

        // Patience covers the 30 s lease of the dead instance's rows and the queue of 90 chats.
        var walk = run.WalkAsync(TimeSpan.FromSeconds(75), timeout.Token);
        await run.RepliedAsync(90, timeout.Token);
        run.Kill(0);
        await walk;

        Verify(run, "webhook");
    }

    [SkippableFact]
    public async Task Polling_TheElectedPollerKilledUnderLoad_AnotherTakesOverWithinAMinute_LosingNoReply()
    {
        await using var run = await ClusterRun.StartAsync(webhook: false, server.CreateDatabase(), Users, Steps);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));

        var leader = await run.LeaderAsync(timeout.Token);
        var walk = run.WalkAsync(TimeSpan.FromSeconds(75), timeout.Token);
        await run.RepliedAsync(90, timeout.Token);
        run.Kill(leader);
        var killed = System.Diagnostics.Stopwatch.StartNew();
        Assert.NotEqual(leader, await run.LeaderAsync(timeout.Token));
        var takeover = killed.Elapsed;
        await walk;

        output.WriteLine($"another instance led polling {takeover.TotalSeconds:0.0} s after the kill");
        Assert.True(takeover < TimeSpan.FromMinutes(1), $"took {takeover} to elect another poller");
        Verify(run, "polling");
    }

    private void Verify(ClusterRun run, string mode)
    {
        var replies = run.Users.SelectMany(u => u.Replies.Take(u.Sent)).ToList();
        var unsent = run.Users.Sum(u => u.Steps - u.Sent);
        var lost = replies.Count(r => r == 0);
        var duplicates = replies.Sum(r => Math.Max(0, r - 1));
        var outOfOrder = run.OutOfOrder();
        output.WriteLine($"{mode}, {ClusterRun.Instances} instances, one killed: {replies.Count} messages, {replies.Count - lost} answered, {lost} lost, {duplicates} duplicates, {outOfOrder.Count} chats out of order");
        Assert.True(lost == 0, $"{lost} of {replies.Count} messages got no reply.\n{run.Log}");
        Assert.True(unsent == 0, $"{unsent} steps were never sent: the users waited in vain for earlier replies.\n{run.Log}");
        Assert.True(outOfOrder.Count == 0, $"Replies out of order in chats {string.Join(", ", outOfOrder)}");
    }
}
