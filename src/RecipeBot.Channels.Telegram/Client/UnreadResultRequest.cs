using System.Text.Json;
using System.Text.Json.Serialization;
using Telegram.Bot.Requests.Abstractions;

namespace RecipeBot.Channels.Telegram.Client;

/// <summary>
/// One of Telegram.Bot's requests whose result the bot does not read (the sent message, <c>true</c>): the result is
/// skipped, not parsed. An answer in an unexpected shape is then no error either: telegram-test-api answers
/// answerCallbackQuery with <c>null</c> and dates its messages in milliseconds, which Telegram.Bot's types cannot hold.
/// </summary>
public sealed class UnreadResultRequest(IRequest request) : WrappedRequest<UnreadResult>(request);

/// <summary>A Bot API result the bot does not read; skipped as it comes, whatever its shape.</summary>
[JsonConverter(typeof(UnreadResultConverter))]
public readonly struct UnreadResult
{
    private sealed class UnreadResultConverter : JsonConverter<UnreadResult>
    {
        public override UnreadResult Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            // The serializer hands a converter its whole value, but read from a stream the block is not the last one,
            // where Skip refuses: TrySkip goes over what is there.
            return reader.TrySkip() ? default : throw new JsonException("The result was cut off.");
        }

        public override void Write(Utf8JsonWriter writer, UnreadResult value, JsonSerializerOptions options) =>
            throw new NotSupportedException("An unread result is never written.");
    }
}
