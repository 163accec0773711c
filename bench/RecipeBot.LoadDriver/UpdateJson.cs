using System.Globalization;
using System.Text;

namespace RecipeBot.LoadDriver;

/// <summary>Renders updates as Telegram sends them (private chat, bot_command entity, callback from a bot message).</summary>
public static class UpdateJson
{
    public const long BotId = 123456789;
    public const string BotUsername = "RecipeLoadBot";
    private const string BotUser = """{"id":123456789,"is_bot":true,"first_name":"RecipeBot","username":"RecipeLoadBot"}""";

    public static byte[] Render(long updateId, long chatId, string language, long messageId, ScriptStep step) =>
        Encoding.UTF8.GetBytes(step.IsText
            ? Text(updateId, chatId, language, messageId, step.Value)
            : Callback(updateId, chatId, language, messageId, step.Value));

    /// <summary>The callback query id names its chat, so the fake can tell whose answerCallbackQuery it sees.</summary>
    public static string CallbackId(long chatId, long updateId) =>
        string.Create(CultureInfo.InvariantCulture, $"{chatId}:{updateId}");

    private static string Text(long updateId, long chatId, string language, long messageId, string text)
    {
        var entities = text.StartsWith('/')
            ? string.Create(CultureInfo.InvariantCulture, $$$""","entities":[{"type":"bot_command","offset":0,"length":{{{text.Length}}}}]""")
            : string.Empty;
        return string.Create(
            CultureInfo.InvariantCulture,
            $$$"""{"update_id":{{{updateId}}},"message":{"message_id":{{{messageId}}},"from":{{{User(chatId, language)}}},"chat":{{{Chat(chatId)}}},"date":1700000000,"text":"{{{text}}}"{{{entities}}}}}""");
    }

    private static string Callback(long updateId, long chatId, string language, long messageId, string data) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $$$"""{"update_id":{{{updateId}}},"callback_query":{"id":"{{{CallbackId(chatId, updateId)}}}","from":{{{User(chatId, language)}}},"message":{"message_id":{{{messageId}}},"from":{{{BotUser}}},"chat":{{{Chat(chatId)}}},"date":1700000000,"text":"…"},"chat_instance":"i{{{chatId}}}","data":"{{{data}}}"}}""");

    private static string User(long chatId, string language) =>
        string.Create(CultureInfo.InvariantCulture, $$$"""{"id":{{{chatId}}},"is_bot":false,"first_name":"Load","username":"load{{{chatId}}}","language_code":"{{{language}}}"}""");

    private static string Chat(long chatId) =>
        string.Create(CultureInfo.InvariantCulture, $$$"""{"id":{{{chatId}}},"type":"private","first_name":"Load"}""");
}
