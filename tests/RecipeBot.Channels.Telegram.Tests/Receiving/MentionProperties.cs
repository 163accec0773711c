using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using RecipeBot.Channels.Telegram.Receiving;
using RecipeBot.Tests.Shared;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace RecipeBot.Channels.Telegram.Tests.Receiving;

/// <summary>
/// Arbitrary text with arbitrary entities — negative, huge and overlapping offsets, null users, other bots —
/// into <see cref="TelegramMessageText.ForBot"/>: for the bot or not, never an exception.
/// </summary>
public sealed class MentionProperties
{
    private static readonly User Bot = new() { Id = 99, IsBot = true, FirstName = "RecipeBot", Username = "RecipeTestBot" };
    private static readonly User Mari = new() { Id = 7, FirstName = "Mari" };

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
    public sealed record AnyMessage(Message Message)
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
            var user = Gen.Elements<User?>(Bot, null, Mari, new User { Id = 98, IsBot = true, FirstName = "Other", Username = "OtherBot" });
            // default: a kind Telegram.Bot does not know, as it reads one Telegram added later.
            var entity = Gen.Elements(MessageEntityType.TextMention, MessageEntityType.Mention, MessageEntityType.BotCommand, MessageEntityType.Url, default)
                .SelectMany(type => offset.SelectMany(start => offset.SelectMany(length => user.Select(u => new MessageEntity { Type = type, Offset = start, Length = length, User = u }))));
            var entities = Gen.Frequency(
                (1, Gen.Constant<MessageEntity[]?>(null)),
                (6, entity.ListOf().Select(list => (MessageEntity[]?)[.. list])),
                (1, entity.ListOf().Select(list => (MessageEntity[]?)[.. list, null!])));
            var text = Gen.Frequency(
                (6, AnyTextArbitrary.Strings),
                (2, AnyTextArbitrary.Strings.Select(s => "@RecipeTestBot " + s)),
                (2, AnyTextArbitrary.Strings.Select(s => "/help@" + s)),
                (1, Gen.Constant<string>(null!)));
            var chat = Gen.Elements(
                new Chat { Id = 7, Type = ChatType.Private },
                new Chat { Id = -1001, Type = ChatType.Supergroup },
                new Chat { Id = -5, Type = ChatType.Group });
            var reply = Gen.Elements<Message?>(null, new Message { Id = 5, Chat = new Chat { Id = -1001, Type = ChatType.Supergroup }, From = Bot });
            return Arb.From(
                from t in text
                from c in chat
                from e in entities
                from r in reply
                select new AnyMessage(new Message { Id = 1, Chat = c, Text = t, Entities = e, ReplyToMessage = r, From = Mari }));
        }
    }
}
