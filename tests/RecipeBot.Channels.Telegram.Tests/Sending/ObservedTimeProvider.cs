using Microsoft.Extensions.Time.Testing;

namespace RecipeBot.Channels.Telegram.Tests.Sending;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that also counts timers armed and not yet fired or disposed. The sender arms
/// one exactly when it has nothing to do until time passes, which is how a test knows it may advance the clock.
/// </summary>
internal sealed class ObservedTimeProvider(FakeTimeProvider inner) : TimeProvider
{
    private int _armed;

    public int ArmedTimers => Volatile.Read(ref _armed);

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow();

    public override long GetTimestamp() => inner.GetTimestamp();

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        // Armed before the inner timer exists, in case it fires at once.
        var timer = new ObservedTimer(this);
        timer.SetArmed(dueTime != Timeout.InfiniteTimeSpan);
        timer.Attach(inner.CreateTimer(timer.Fire, (callback, state), dueTime, period));
        return timer;
    }

    private sealed class ObservedTimer(ObservedTimeProvider owner) : ITimer
    {
        private ITimer? _inner;
        private int _armed;

        public void Attach(ITimer inner) => _inner = inner;

        public void Fire(object? state)
        {
            SetArmed(false);
            var (callback, callbackState) = ((TimerCallback, object?))state!;
            callback(callbackState);
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            SetArmed(dueTime != Timeout.InfiniteTimeSpan);
            return _inner!.Change(dueTime, period);
        }

        public void Dispose()
        {
            SetArmed(false);
            _inner?.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }

        public void SetArmed(bool armed)
        {
            var now = armed ? 1 : 0;
            if (Interlocked.Exchange(ref _armed, now) != now)
            {
                Interlocked.Add(ref owner._armed, armed ? 1 : -1);
            }
        }
    }
}
