namespace RecipeBot.Core.Channels;

/// <summary>Small durable values a channel keeps between runs, e.g. Telegram's getUpdates offset.</summary>
public interface ICursorStore
{
    ValueTask<long?> GetAsync(string name, CancellationToken cancellationToken);

    ValueTask SetAsync(string name, long value, CancellationToken cancellationToken);
}
