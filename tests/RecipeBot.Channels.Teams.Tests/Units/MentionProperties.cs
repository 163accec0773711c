using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using RecipeBot.Channels.Teams.Receiving;
using RecipeBot.Channels.Teams.Schema;
using RecipeBot.Tests.Shared;

namespace RecipeBot.Channels.Teams.Tests.Units;

/// <summary>
/// Arbitrary text with arbitrary mention entities — null entities, empty or missing mention texts, nameless
/// or unknown accounts — into <see cref="TeamsMessageText.ForBot"/>: for the bot or not, never an exception.
/// </summary>
public sealed class MentionProperties
{
    private static readonly ChannelAccount Bot = new("28:bot", "RecipeBot");

    [Property(Arbitrary = [typeof(ActivityArbitraries)], MaxTest = 200)]
    public void AnyMessageWithAnyEntities_IsForTheBotOrNot(AnyActivity activity)
    {
        var text = TeamsMessageText.ForBot(activity.Activity);

        if (!TeamsMessageText.IsGroup(activity.Activity.Conversation))
        {
            Assert.NotNull(text);
        }

        Assert.True(text is null || text.Trim() == text, "the text for the engine is trimmed");
    }

    /// <summary>A message activity, readable in a failure report.</summary>
    public sealed record AnyActivity(TeamsActivity Activity)
    {
        public override string ToString() =>
            $"{Activity.Conversation?.ConversationType}: {new AnyText(Activity.Text ?? string.Empty)} recipient {Activity.Recipient?.Name} entities "
            + $"[{string.Join(", ", (Activity.Entities ?? []).Select(e => e is null ? "null" : $"{e.Type} {e.Mentioned?.Id}/{e.Mentioned?.Name} {new AnyText(e.Text ?? "(null)")}"))}]";
    }

    public static class ActivityArbitraries
    {
        public static Arbitrary<AnyActivity> AnyActivity()
        {
            var words = AnyTextArbitrary.Strings;
            var mentioned = Gen.Elements<ChannelAccount?>(Bot, null, new ChannelAccount("28:bot"), new ChannelAccount("29:mari", "Mari"), new ChannelAccount(null, null));
            var mentionText = Gen.Frequency(
                (3, Gen.Constant<string?>("<at>RecipeBot</at>")),
                (2, Gen.Constant<string?>(null)),
                (2, Gen.Constant<string?>(string.Empty)),
                (3, words.Select(s => (string?)s)));
            var entity = Gen.Elements<string?>(Entity.MentionType, "clientInfo", null)
                .SelectMany(type => mentioned.SelectMany(who => mentionText.Select(t => new Entity(type) { Mentioned = who, Text = t })));
            var entities = Gen.Frequency(
                (1, Gen.Constant<IReadOnlyList<Entity>?>(null)),
                (6, entity.ListOf().Select(list => (IReadOnlyList<Entity>?)[.. list])),
                (2, entity.ListOf().Select(list => (IReadOnlyList<Entity>?)[null!, .. list])));
            var text = Gen.Frequency(
                (5, words.Select(s => (string?)s)),
                (3, words.Select(s => (string?)("<at>RecipeBot</at> " + s))),
                (1, Gen.Constant<string?>(null)));
            var conversation = Gen.Elements<ConversationAccount?>(
                null,
                new ConversationAccount("a:1") { ConversationType = "personal" },
                new ConversationAccount("19:g") { ConversationType = "groupChat" },
                new ConversationAccount("19:c") { ConversationType = "channel", IsGroup = true });
            var recipient = Gen.Elements<ChannelAccount?>(Bot, null, new ChannelAccount("28:bot", string.Empty), new ChannelAccount(null, "RecipeBot"));
            return Arb.From(
                from t in text
                from e in entities
                from c in conversation
                from r in recipient
                select new AnyActivity(new TeamsActivity { Type = ActivityTypes.Message, Text = t, Entities = e, Conversation = c, Recipient = r }));
        }
    }
}
