using Telegram.Bot.Types;

namespace RecipeBot.Channels.Telegram.Receiving;

/// <summary>Who the bot is (from getMe), needed to recognise mentions and its own messages in groups.</summary>
public sealed class TelegramBotIdentity
{
    private readonly TaskCompletionSource<User> _known = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsKnown => _known.Task.IsCompletedSuccessfully;

    public User Bot => _known.Task.IsCompletedSuccessfully ? _known.Task.Result : throw new InvalidOperationException("The bot's identity is not known yet.");

    public void Set(User bot) => _known.TrySetResult(bot);

    public Task<User> WhenKnownAsync(CancellationToken cancellationToken) => _known.Task.WaitAsync(cancellationToken);
}
