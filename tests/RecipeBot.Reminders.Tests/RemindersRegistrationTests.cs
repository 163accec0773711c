using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RecipeBot.Core.Meetings;
using RecipeBot.Reminders.Timers;
using RecipeBot.Storage;
using RecipeBot.Reminders.Tests.Support;

namespace RecipeBot.Reminders.Tests;

public sealed class RemindersRegistrationTests : IDisposable
{
    private readonly TempDatabase _file = new();

    [Fact]
    public void AddReminders_ReplacesTheEnginesNoReminderScheduler_WhicheverComesFirst()
    {
        var before = new ServiceCollection();
        before.TryAddSingleton<IReminderScheduler>(NoReminderScheduler.Instance);
        before.AddReminders(Configuration());
        var after = new ServiceCollection();
        after.AddReminders(Configuration());
        after.TryAddSingleton<IReminderScheduler>(NoReminderScheduler.Instance);

        Assert.Equal(typeof(QuartzReminderScheduler), Assert.Single(before, d => d.ServiceType == typeof(IReminderScheduler)).ImplementationType);
        Assert.Equal(typeof(QuartzReminderScheduler), Assert.Single(after, d => d.ServiceType == typeof(IReminderScheduler)).ImplementationType);
    }

    [Fact]
    public void AddReminders_PutsTheSchemaFirstAmongHostedServices()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IHostedService, SomeoneElsesService>();

        services.AddReminders(Configuration());

        Assert.Equal(typeof(ReminderSchemaService), services.First(d => d.ServiceType == typeof(IHostedService)).ImplementationType);
    }

    [Fact]
    public void Disabled_RegistersNoReminderTimers_OnlyTheDailyRetentionPass()
    {
        var services = new ServiceCollection();

        services.AddReminders(Configuration(("Reminders:Enabled", "false")));

        Assert.Same(NoReminderScheduler.Instance, Assert.Single(services, d => d.ServiceType == typeof(IReminderScheduler)).ImplementationInstance);
        Assert.DoesNotContain(services, d => d.ServiceType == typeof(IReminderTimers));
        Assert.DoesNotContain(services, d => d.ImplementationType == typeof(ReminderSchemaService) || d.ImplementationType == typeof(ReminderCatchUpService));
        Assert.Contains(services, d => d.ServiceType == typeof(RecipeBot.Reminders.Retention.RetentionJob) || d.ImplementationType == typeof(RecipeBot.Reminders.Retention.RetentionJob));
    }

    [Fact]
    public async Task BadLeadTime_StopsTheStart_WithAClearMessage()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            ReminderHost.StartAsync(_file.Path, TimeProvider.System, new RecordingSender(), new Dictionary<string, string?> { ["Reminders:LeadTimes:0"] = "1 day" }));

        Assert.Contains("Reminders:LeadTimes:0 \"1 day\" is not a lead time", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sqlite", null, null, "machine")]
    [InlineData("sqlite", null, "pod-7", "pod-7")]
    [InlineData("postgres", null, "pod-7", "pod-7")]
    [InlineData("postgres", "ledger-a", "pod-7", "ledger-a")]
    [InlineData("postgres", null, null, "process")]
    public void TheLedgersOwnerId_IsTheRemindersOrTheStoragesName_OnPostgresTheMachineAndProcess(string storageProvider, string? reminders, string? storage, string expected)
    {
        string OwnerId()
        {
            var configuration = Configuration(
                ("Storage:Provider", storageProvider),
                ("ConnectionStrings:Postgres", "Host=127.0.0.1;Database=unused"),
                ("Reminders:InstanceId", reminders ?? string.Empty),
                ("Storage:InstanceId", storage ?? string.Empty));
            var services = new ServiceCollection().AddSingleton(configuration).AddStorage();
            services.AddReminders(configuration);
            using var provider = services.BuildServiceProvider();
            return provider.GetRequiredService<IOptions<ReminderOptions>>().Value.EffectiveInstanceId;
        }

        var id = OwnerId();
        switch (expected)
        {
            case "machine":
                Assert.Equal(Environment.MachineName, id);
                break;
            case "process":
                // Two instances on one machine must not pass for one another in the ledger.
                Assert.Equal($"{Environment.MachineName}/{Environment.ProcessId}", id);
                break;
            default:
                Assert.Equal(expected, id);
                break;
        }
    }

    public void Dispose() => _file.Dispose();

    private IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:SqlitePath"] = _file.Path })
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();

    private sealed class SomeoneElsesService : BackgroundService
    {
        protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.CompletedTask;
    }
}
