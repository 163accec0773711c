using System.Text.Json;
using Telegram.Bot.Requests.Abstractions;

namespace RecipeBot.Channels.Telegram.Client;

/// <summary>
/// One of Telegram.Bot's requests, sent as it is, with its result left as raw JSON instead of read into a type.
/// </summary>
/// <remarks>
/// For getUpdates it keeps each update as Telegram wrote it, which is what the inbox stores.
/// A request without files is written as UTF-8 JSON that keeps letters as they are: Telegram.Bot's own options
/// escape every non-ASCII character, which makes a Russian reply two and a half times as long on the wire.
/// </remarks>
public sealed class RawResultRequest(IRequest request) : WrappedRequest<JsonElement>(request);
