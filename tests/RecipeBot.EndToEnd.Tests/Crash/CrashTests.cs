using Xunit.Abstractions;

namespace RecipeBot.EndToEnd.Tests.Crash;

/// <summary>
/// kill -9 under load: 200 Telegram users, the composed bot with the default send limits (1 message a second per
/// chat, 30 a second in all) killed three times — each time once it has answered 40 more messages — and restarted
/// on the same SQLite file. Every acknowledged message
/// gets its reply (none lost); duplicates come only from replies Telegram had taken when the bot died.
/// </summary>
[Collection(CrashCollection.Name)]
public sealed class CrashTests(ITestOutputHelper output)
{
    private const int Users = 200;
    private const int Steps = 4;
    // Each kill comes once the restarted bot has answered this many messages: it is up, busy, and has a backlog.
    private const int RepliesBeforeEachKill = 40;

    [Fact]
    public Task Polling_ThreeKillsUnderLoad_LoseNoReply() => RunAsync(webhook: false);

    [Fact]
    public Task Webhook_ThreeKillsUnderLoad_LoseNoReply() => RunAsync(webhook: true);

    private async Task RunAsync(bool webhook)
    {
        await using var run = await CrashRun.StartAsync(webhook, Users, Steps);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));

        // Patience covers three restarts and the queue of 200 chats at 30 messages a second.
        var walk = run.WalkAsync(TimeSpan.FromSeconds(45), timeout.Token);
        for (var kill = 0; kill < 3; kill++)
        {
            await run.KillWhenBusyAndRestartAsync(RepliesBeforeEachKill, timeout.Token);
        }

        await walk;

        var replies = run.Users.SelectMany(u => u.Replies.Take(u.Sent)).ToList();
        var unsent = run.Users.Sum(u => u.Steps - u.Sent);
        var lost = replies.Count(r => r == 0);
        var duplicates = replies.Sum(r => Math.Max(0, r - 1));
        output.WriteLine($"{(webhook ? "webhook" : "polling")}: {replies.Count} messages, {replies.Count - lost} answered, {lost} lost, {duplicates} duplicates; waiting in the outbox at the kills: {string.Join(", ", run.WaitingAtKills)}, of them already received: {string.Join(", ", run.InFlightAtKills)}");
        Assert.True(lost == 0, $"{lost} of {replies.Count} messages got no reply.\n{run.Log}");
        Assert.True(unsent == 0, $"{unsent} steps were never sent: the users waited in vain for earlier replies.\n{run.Log}");
        Assert.True(duplicates <= run.InFlightAtKills.Sum(), $"{duplicates} duplicates, more than the {run.InFlightAtKills.Sum()} replies in flight at the kills.");
    }
}

/// <summary>The crash runs load the machine; they run one at a time, not beside each other.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CrashCollection
{
    public const string Name = "crash";
}
