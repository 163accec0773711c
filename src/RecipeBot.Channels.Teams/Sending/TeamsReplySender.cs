using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RecipeBot.Channels.Teams.Schema;
using RecipeBot.Core.Channels;

namespace RecipeBot.Channels.Teams.Sending;

/// <summary>
/// Replies leave after the HTTP answer: the turn is done inline, its reply queued here and posted
/// to the connector by <see cref="TeamsOptions.Workers"/> workers — conversations in parallel,
/// each conversation's replies in order (a conversation always goes to the same worker). On
/// shutdown the queue is drained for as long as the host allows.
/// </summary>
public sealed class TeamsReplySender(TeamsConnectorClient connector, TeamsOptions options, ILogger<TeamsReplySender> logger) : IHostedService, IDisposable
{
    private readonly Channel<PendingReply>[] _partitions = [.. Enumerable.Range(0, options.Workers).Select(_ => Channel.CreateUnbounded<PendingReply>(new UnboundedChannelOptions { SingleReader = true }))];
    private readonly CancellationTokenSource _stopping = new();
    private Task _workers = Task.CompletedTask;

    public void Enqueue(ConversationReference reference, TeamsActivity activity)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var partition = (int)((uint)StringComparer.Ordinal.GetHashCode(reference.Id) % (uint)_partitions.Length);
        if (!_partitions[partition].Writer.TryWrite(new PendingReply(reference, activity)))
        {
            logger.LogError("The bot is stopping; the reply to {ConversationId} is not sent", reference.Id);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _workers = Task.WhenAll(_partitions.Select(partition => Task.Run(() => WorkAsync(partition.Reader), CancellationToken.None)));
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var partition in _partitions)
        {
            partition.Writer.TryComplete();
        }

        try
        {
            await _workers.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            logger.LogWarning("The bot stopped before every queued Teams reply was sent");
            await _stopping.CancelAsync().ConfigureAwait(false);
        }
    }

    private async Task WorkAsync(ChannelReader<PendingReply> replies)
    {
        await foreach (var reply in replies.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
        {
            try
            {
                await connector.SendToConversationAsync(reply.Reference.ServiceUrl, reply.Reference.ConversationId, reply.Activity, _stopping.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException || !_stopping.IsCancellationRequested)
            {
                logger.LogError(e, "The reply to {ConversationId} could not be sent; given up", reply.Reference.Id);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public void Dispose() => _stopping.Dispose();

    private sealed record PendingReply(ConversationReference Reference, TeamsActivity Activity);
}
