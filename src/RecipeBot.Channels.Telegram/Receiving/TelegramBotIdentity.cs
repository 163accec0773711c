using RecipeBot.Channels.Telegram.Api;

namespace RecipeBot.Channels.Telegram.Receiving;

/// <summary>Who the bot is (from getMe), needed to recognise mentions and its own messages in groups.</summary>
public sealed class TelegramBotIdentity
{
    private readonly TaskCompletionSource<TelegramUser> _known = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsKnown => _known.Task.IsCompletedSuccessfully;

    public TelegramUser Bot => _known.Task.IsCompletedSuccessfully ? _known.Task.Result : throw new InvalidOperationException("The bot's identity is not known yet.");

    public void Set(TelegramUser bot) => _known.TrySetResult(bot);

    public Task<TelegramUser> WhenKnownAsync(CancellationToken cancellationToken) => _known.Task.WaitAsync(cancellationToken);
}
