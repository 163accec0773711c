namespace RecipeBot.EndToEnd.Tests.Crash;

/// <summary>
/// One simulated Telegram user of the crash test: sends a step, waits for the bot's answer to it, then sends the
/// next. Each step sets a different time zone, and the bot's answer names the zone, so every reply can be matched
/// to the step it answers — a lost reply and a duplicate are told apart exactly.
/// </summary>
internal sealed class CrashUser(long chatId, IReadOnlyList<string> zones)
{
    private readonly Lock _gate = new();
    private readonly List<DateTimeOffset>[] _replies = [.. zones.Select(_ => new List<DateTimeOffset>())];
    private int _sent;
    private TaskCompletionSource _answered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public long ChatId => chatId;

    public int Steps => zones.Count;

    /// <summary>How many steps were sent (and acknowledged by the bot, which Telegram waits for).</summary>
    public int Sent => Volatile.Read(ref _sent);

    /// <summary>How many steps got an answer so far.</summary>
    public int Answered
    {
        get
        {
            lock (_gate)
            {
                return _replies.Count(r => r.Count > 0);
            }
        }
    }

    /// <summary>Replies per step, once the run is over.</summary>
    public IReadOnlyList<int> Replies
    {
        get
        {
            lock (_gate)
            {
                return [.. _replies.Select(r => r.Count)];
            }
        }
    }

    /// <summary>Whether every reply (duplicates too) reached Telegram after the replies to the steps before it.</summary>
    public bool RepliesInOrder()
    {
        lock (_gate)
        {
            var arrivals = _replies.SelectMany((times, step) => times.Select(at => (Step: step, At: at))).OrderBy(r => r.At).ThenBy(r => r.Step).ToList();
            return arrivals.Zip(arrivals.Skip(1)).All(pair => pair.First.Step <= pair.Second.Step);
        }
    }

    public static string Text(string zone) => "/timezone " + zone;

    /// <summary>The step whose answer <paramref name="text"/> is, or -1.</summary>
    public int StepOf(string text) => zones.ToList().FindIndex(zone => text.Contains(zone, StringComparison.Ordinal));

    /// <summary>Whether the reply to <paramref name="step"/> had reached Telegram before <paramref name="moment"/>.</summary>
    public bool RepliedBefore(int step, DateTimeOffset moment)
    {
        lock (_gate)
        {
            return step >= 0 && step < _replies.Length && _replies[step].Any(at => at < moment);
        }
    }

    /// <summary>Counts a sendMessage to this chat, which reached Telegram at <paramref name="at"/>, against the step whose zone it names.</summary>
    public void OnReply(string text, DateTimeOffset at)
    {
        lock (_gate)
        {
            for (var step = 0; step < zones.Count; step++)
            {
                if (text.Contains(zones[step], StringComparison.Ordinal))
                {
                    _replies[step].Add(at);
                    _answered.TrySetResult();
                    _answered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    return;
                }
            }
        }
    }

    /// <summary>Sends each step once, after the answer to the one before; stops at a step that gets no answer in time.</summary>
    public async Task RunAsync(Func<long, string, CancellationToken, Task> send, TimeSpan patience, CancellationToken cancellationToken)
    {
        for (var step = 0; step < zones.Count; step++)
        {
            await send(chatId, Text(zones[step]), cancellationToken);
            Interlocked.Increment(ref _sent);
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            wait.CancelAfter(patience);
            while (true)
            {
                Task answered;
                lock (_gate)
                {
                    if (_replies[step].Count > 0)
                    {
                        break;
                    }

                    answered = _answered.Task;
                }

                try
                {
                    await answered.WaitAsync(wait.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
