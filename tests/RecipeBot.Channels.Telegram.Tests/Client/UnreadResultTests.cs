using System.Text;
using System.Text.Json;
using RecipeBot.Channels.Telegram.Client;
using Telegram.Bot;

namespace RecipeBot.Channels.Telegram.Tests.Client;

public sealed class UnreadResultTests
{
    private sealed record Answer(bool Ok, UnreadResult Result, int After);

    [Theory]
    [InlineData("null")]
    [InlineData("true")]
    [InlineData("1700000000000")]
    [InlineData("\"text\"")]
    [InlineData("""{"message_id":1,"date":1700000000000,"chat":{"id":5,"type":"private"},"entities":[{"offset":0}]}""")]
    [InlineData("[1,[2,[3,{}]],{\"a\":null}]")]
    public async Task AnyResult_IsSkippedWhole_AndWhatFollowsItIsStillRead(string result)
    {
        // As Telegram.Bot reads an answer: from a stream, with its own options, in small buffers.
        var json = $$"""{"ok":true,"result":{{result}},"after":7}""";
        var options = new JsonSerializerOptions(JsonBotAPI.Options) { DefaultBufferSize = 16 };
        await using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));

        var answer = await JsonSerializer.DeserializeAsync<Answer>(stream, options);

        Assert.NotNull(answer);
        Assert.Equal((true, 7), (answer.Ok, answer.After));
    }
}
