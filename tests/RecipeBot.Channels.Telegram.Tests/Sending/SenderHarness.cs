using Microsoft.Extensions.Time.Testing;
using RecipeBot.Channels.Telegram.Sending;
using RecipeBot.Channels.Telegram.Tests.Logging;
using RecipeBot.Core.Channels;
using Telegram.Bot.Types.ReplyMarkups;

namespace RecipeBot.Channels.Telegram.Tests.Sending;

/// <summary>
/// A <see cref="TelegramSender"/> on fake time with a recording Bot API. <see cref="RunUntilAsync"/> moves the
/// clock in small steps, each only once the sender has settled, so timings are exact and never the wall clock's.
/// </summary>
internal sealed class SenderHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
    public static readonly TimeSpan DefaultStep = TimeSpan.FromMilliseconds(10);

    // Bounds on how long to wait for background work, counted in polls rather than measured.
    private const int MaxSettlePolls = 5_000;

    public SenderHarness(TelegramSendLimits? limits = null)
    {
        Clock = new FakeTimeProvider(Start);
        Time = new ObservedTimeProvider(Clock);
        Api = new RecordingBotApi(Time);
        Limits = limits ?? new TelegramSendLimits();
        Sender = new TelegramSender(Api, Chats, Time, Limits, Logger);
    }

    public FakeTimeProvider Clock { get; }

    public ObservedTimeProvider Time { get; }

    public RecordingBotApi Api { get; }

    public InMemoryChatDirectory Chats { get; } = new();

    public CapturingLogger<TelegramSender> Logger { get; } = new();

    public TelegramSendLimits Limits { get; }

    public TelegramSender Sender { get; }

    public bool IsIdle => Sender.WhenIdleAsync(CancellationToken.None).IsCompleted;

    public Task StartAsync() => Sender.StartAsync(CancellationToken.None);

    public ValueTask EnqueueAsync(long chatId, string text, bool isGroup = false, InlineKeyboardMarkup? keyboard = null) =>
        Sender.EnqueueAsync(new TelegramOutgoing(chatId, text, keyboard, isGroup), CancellationToken.None);

    public ValueTask EnqueueAsync(TelegramOutgoing message) => Sender.EnqueueAsync(message, CancellationToken.None);

    /// <summary>Queues the message and returns the task that reports what became of it (not awaited: the clock has to move).</summary>
    public Task<SendOutcome> SendAsync(TelegramOutgoing message) => Sender.SendAsync(message, CancellationToken.None).AsTask();

    /// <summary>Advances the clock by <paramref name="step"/> until <paramref name="condition"/> holds; fails after <paramref name="maxSteps"/>.</summary>
    public async Task RunUntilAsync(Func<bool> condition, TimeSpan? step = null, int maxSteps = 100_000)
    {
        for (var i = 0; i < maxSteps; i++)
        {
            await SettleAsync();
            if (condition())
            {
                return;
            }

            Clock.Advance(step ?? DefaultStep);
        }

        Assert.Fail($"The condition did not hold within {maxSteps} steps of fake time.");
    }

    public Task RunUntilIdleAsync(TimeSpan? step = null, int maxSteps = 100_000) => RunUntilAsync(() => IsIdle, step, maxSteps);

    /// <summary>Waits until the sender is idle or has armed a timer, i.e. waits for time and nothing else.</summary>
    public async Task SettleAsync()
    {
        // Waiting on a timer is only settled once nothing else moves for a few polls: a timer of a
        // slow fake request can be armed while the sender is still working out its next step.
        var quiet = 0;
        var last = (-1, -1);
        for (var poll = 0; poll < MaxSettlePolls && quiet < 3; poll++)
        {
            var waiting = IsIdle || Time.ArmedTimers > 0;
            var snapshot = (Time.ArmedTimers, Api.Delivered.Count);
            quiet = waiting && snapshot == last ? quiet + 1 : 0;
            last = snapshot;
            if (IsIdle)
            {
                return;
            }

            if (quiet < 3)
            {
                // Yield while the sender looks settled (cheap); sleep a little while it is clearly busy.
                await (waiting ? Task.Run(static () => { }) : Task.Delay(1));
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Sender.StopAsync(CancellationToken.None);
        Sender.Dispose();
    }
}
