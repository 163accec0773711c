using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using RecipeBot.Channels.Telegram.Api;
using RecipeBot.Channels.Telegram.Receiving;
using RecipeBot.Tests.Shared;

namespace RecipeBot.Channels.Telegram.Tests.Receiving;

/// <summary>
/// Arbitrary text with arbitrary entities — negative, huge and overlapping offsets, null users, other bots —
/// into <see cref="TelegramMessageText.ForBot"/>: for the bot or not, never an exception.
/// </summary>
public sealed class MentionProperties
{
    private static readonly TelegramUser Bot = new(99, true, "RecipeBot") { Username = "RecipeTestBot" };

    [Property(Arbitrary = [typeof(MessageArbitraries)], MaxTest = 200)]
    public void AnyMessageWithAnyEntities_IsForTheBotOrNot(AnyMessage message)
    {
        var text = TelegramMessageText.ForBot(message.Message, Bot);

        if (string.IsNullOrWhiteSpace(message.Message.Text))
        {
            Assert.Null(text);
        }
        else if (TelegramMessageText.IsPrivate(message.Message.Chat))
        {
            Assert.Equal(message.Message.Text, text);
        }
        else
        {
            Assert.True(text is null || text == "/help" || text.Length <= message.Message.Text.Length);
        }
    }

    /// <summary>A message in a private chat or a group, readable in a failure report.</summary>
    public sealed record AnyMessage(TelegramMessage Message)
    {
        public override string ToString() =>
            $"{Message.Chat.Type}: {new AnyText(Message.Text ?? string.Empty)} entities [{string.Join(", ", (Message.Entities ?? []).Select(e => e is null ? "null" : $"{e.Type} {e.Offset}+{e.Length} user {e.User?.Id}"))}]";
    }

    public static class MessageArbitraries
    {
        public static Arbitrary<AnyMessage> AnyMessage()
        {
            var offset = Gen.Frequency(
                (6, Gen.Choose(-5, 40)),
                (1, Gen.Elements(int.MinValue, int.MinValue + 1, -1, int.MaxValue - 1, int.MaxValue)),
                (1, Gen.Choose(int.MinValue, int.MaxValue)));
            var user = Gen.Elements<TelegramUser?>(Bot, null, new TelegramUser(7, false, "Mari"), new TelegramUser(98, true, "Other") { Username = "OtherBot" });
            var entity = Gen.Elements("text_mention", "mention", "bot_command", "url", string.Empty)
                .SelectMany(type => offset.SelectMany(start => offset.SelectMany(length => user.Select(u => new MessageEntity(type, start, length) { User = u }))));
            var entities = Gen.Frequency(
                (1, Gen.Constant<IReadOnlyList<MessageEntity>?>(null)),
                (6, entity.ListOf().Select(list => (IReadOnlyList<MessageEntity>?)[.. list])),
                (1, entity.ListOf().Select(list => (IReadOnlyList<MessageEntity>?)[.. list, null!])));
            var text = Gen.Frequency(
                (6, AnyTextArbitrary.Strings),
                (2, AnyTextArbitrary.Strings.Select(s => "@RecipeTestBot " + s)),
                (2, AnyTextArbitrary.Strings.Select(s => "/help@" + s)),
                (1, Gen.Constant<string>(null!)));
            var chat = Gen.Elements(new TelegramChat(7, "private"), new TelegramChat(-1001, "supergroup"), new TelegramChat(-5, "group"));
            var reply = Gen.Elements<TelegramMessage?>(null, new TelegramMessage(5, new TelegramChat(-1001, "supergroup"), 0) { From = Bot });
            return Arb.From(
                from t in text
                from c in chat
                from e in entities
                from r in reply
                select new AnyMessage(new TelegramMessage(1, c, 0) { Text = t, Entities = e, ReplyToMessage = r, From = new TelegramUser(7, false, "Mari") }));
        }
    }
}
