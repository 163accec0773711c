using System.Collections.Concurrent;
using Quartz;
using RecipeBot.Reminders.Tests.Support;
using RecipeBot.Tests.Postgres;

namespace RecipeBot.Reminders.Tests;

/// <summary>Reminders' Quartz scheduler on PostgreSQL: the instances' schedulers form one cluster on the database.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ClusteredQuartzTests(PostgresServer server) : IAsyncDisposable
{
    private static readonly ConcurrentQueue<(string Trigger, string Instance)> Fired = new();
    private readonly List<ReminderHost> _hosts = [];

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }
    }

    private async Task<ReminderHost> InstanceAsync(string connectionString, string? instanceId = null)
    {
        var host = await ReminderHost.StartAsync(
            Path.Combine(Path.GetTempPath(), "unused.db"),
            TimeProvider.System,
            new RecordingSender(),
            new Dictionary<string, string?> { ["ConnectionStrings:Postgres"] = connectionString, ["Storage:InstanceId"] = instanceId },
            provider: "postgres");
        _hosts.Add(host);
        return host;
    }

    private static ITrigger Due(string name, DateTimeOffset at, string group) =>
        TriggerBuilder.Create().WithIdentity(name, group).ForJob(RecordJob.Key).StartAt(at).Build();

    [SkippableFact]
    public async Task TwoInstances_FireEachTimerOnce_BetweenThem()
    {
        var database = server.CreateDatabase();
        var a = await InstanceAsync(database);
        var b = await InstanceAsync(database);
        Assert.True((await a.Scheduler.GetMetadata()).JobStoreClustered);
        Assert.NotEqual(a.Scheduler.SchedulerInstanceId, b.Scheduler.SchedulerInstanceId);
        var group = Guid.NewGuid().ToString("N");

        await a.Scheduler.AddJob(JobBuilder.Create<RecordJob>().WithIdentity(RecordJob.Key).StoreDurably().Build(), AddJobOptions.Replacing);
        var at = DateTimeOffset.UtcNow.AddSeconds(1);
        for (var i = 0; i < 300; i++)
        {
            await (i % 2 == 0 ? a : b).Scheduler.ScheduleJob(Due("t" + i, at, group));
        }

        Assert.True(await ReminderHost.WaitUntilAsync(() => Task.FromResult(Fired.Count(f => f.Trigger.StartsWith(group, StringComparison.Ordinal)) >= 300), TimeSpan.FromSeconds(30)));
        foreach (var host in _hosts)
        {
            await host.Scheduler.Standby();
        }

        var mine = Fired.Where(f => f.Trigger.StartsWith(group, StringComparison.Ordinal)).ToList();
        Assert.Equal(300, mine.Count);
        Assert.Equal(300, mine.Select(f => f.Trigger).Distinct().Count());
    }

    [SkippableFact]
    public async Task ANamedInstance_IsNamedSoInTheCluster()
    {
        var database = server.CreateDatabase();
        var a = await InstanceAsync(database, "pod-a");
        var b = await InstanceAsync(database);

        Assert.Equal("pod-a", a.Scheduler.SchedulerInstanceId);
        Assert.NotEqual("pod-a", b.Scheduler.SchedulerInstanceId);
    }

    [SkippableFact]
    public async Task ATimerSetOnAStoppedInstance_FiresOnTheOther()
    {
        var database = server.CreateDatabase();
        var a = await InstanceAsync(database);
        var b = await InstanceAsync(database);
        var group = Guid.NewGuid().ToString("N");
        await a.Scheduler.AddJob(JobBuilder.Create<RecordJob>().WithIdentity(RecordJob.Key).StoreDurably().Build(), AddJobOptions.Replacing);
        await a.Scheduler.ScheduleJob(Due("late", DateTimeOffset.UtcNow.AddSeconds(2), group));
        var bInstance = b.Scheduler.SchedulerInstanceId;

        await a.DisposeAsync();
        _hosts.Remove(a);

        Assert.True(await ReminderHost.WaitUntilAsync(() => Task.FromResult(Fired.Any(f => f.Trigger == group + ".late")), TimeSpan.FromSeconds(30)));
        Assert.Equal(bInstance, Fired.Single(f => f.Trigger == group + ".late").Instance);
    }

    /// <summary>Records which instance fired which trigger.</summary>
    public sealed class RecordJob : IJob
    {
        public static readonly JobKey Key = new("record", "cluster-tests");

        public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(context);
            Fired.Enqueue((context.Trigger.Key.Group + "." + context.Trigger.Key.Name, context.Scheduler.SchedulerInstanceId));
            return ValueTask.CompletedTask;
        }
    }
}
