using Microsoft.Extensions.Logging;

namespace RecipeBot.Core.Channels;

/// <summary>What the dispatcher logs.</summary>
public sealed partial class InboxDispatcher
{
    [LoggerMessage(Level = LogLevel.Error, Message = "The {Channel} inbox could not be worked; trying again in {PauseSeconds} s")]
    private partial void LogInboxFailed(Exception exception, string channel, double pauseSeconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivery {Sequence} of {Channel} failed outside its handler; it is tried again")]
    private partial void LogHandlerFailed(Exception exception, long sequence, string channel);
}
