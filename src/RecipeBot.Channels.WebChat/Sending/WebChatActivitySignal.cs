using System.Collections.Concurrent;

namespace RecipeBot.Channels.WebChat.Sending;

/// <summary>
/// Tells a conversation's open streams that its transcript grew. A watcher takes the current signal before it reads
/// the transcript, so an activity appended between the read and the wait still wakes it.
/// </summary>
public sealed class WebChatActivitySignal
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _signals = new(StringComparer.Ordinal);

    /// <summary>Completes when <paramref name="conversationId"/> next gets an activity.</summary>
    public Task Watch(string conversationId) =>
        _signals.GetOrAdd(conversationId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Notify(string conversationId)
    {
        if (_signals.TryRemove(conversationId, out var signal))
        {
            signal.TrySetResult();
        }
    }
}
