using System.Text.Json;
using Telegram.Bot;
using Telegram.Bot.Requests.Abstractions;

namespace RecipeBot.Channels.Telegram.Client;

/// <summary>Sends Telegram.Bot's requests without reading their results into types (see <see cref="RawResultRequest"/>).</summary>
public static class TelegramBotClientCalls
{
    /// <summary>
    /// Sends <paramref name="request"/>; completes when Telegram accepted it, with the result as raw JSON.
    /// Throws what <see cref="ITelegramBotClient.SendRequest{TResponse}"/> throws: <c>ApiRequestException</c>
    /// when Telegram refused, <c>RequestException</c> when it could not be reached or did not answer in time.
    /// </summary>
    public static Task<JsonElement> CallAsync(this ITelegramBotClient bot, IRequest request, CancellationToken cancellationToken) =>
        bot.SendRequest(new RawResultRequest(request), cancellationToken);

    /// <summary>
    /// Sends <paramref name="request"/>; completes when Telegram accepted it, its result skipped unread
    /// (<see cref="UnreadResultRequest"/>). Throws as <see cref="CallAsync"/> does.
    /// </summary>
    public static Task SendAsync(this ITelegramBotClient bot, IRequest request, CancellationToken cancellationToken) =>
        bot.SendRequest(new UnreadResultRequest(request), cancellationToken);
}
