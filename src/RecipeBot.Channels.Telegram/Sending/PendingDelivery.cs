using RecipeBot.Core.Channels;

namespace RecipeBot.Channels.Telegram.Sending;

/// <summary>
/// What became of one queued message and all its parts: <see cref="SendOutcome.Sent"/> once Telegram took the
/// last of them, otherwise the outcome of the first part that did not get through.
/// </summary>
internal sealed class PendingDelivery(int parts)
{
    private readonly TaskCompletionSource<SendOutcome> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _remaining = parts;

    public Task<SendOutcome> Outcome => _outcome.Task;

    public void PartSent()
    {
        if (Interlocked.Decrement(ref _remaining) == 0)
        {
            _outcome.TrySetResult(SendOutcome.Sent);
        }
    }

    /// <summary>The first part not sent decides; later parts are still sent, but change nothing.</summary>
    public void NotSent(SendOutcome outcome) => _outcome.TrySetResult(outcome);
}
