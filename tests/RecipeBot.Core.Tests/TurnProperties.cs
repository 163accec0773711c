using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using RecipeBot.Tests.Shared;

namespace RecipeBot.Core.Tests;

/// <summary>
/// The whole turn with the real content and free text on: any few messages — arbitrary text, alone or after a
/// command, a button id or a number — each get a reply in a state the flow has, and never an exception (the turn
/// runner would answer one with an apology, so the test counts its error log too).
/// </summary>
public sealed class TurnProperties
{
    private readonly EngineHarness _bot = new(understandsFreeText: true);

    [Property(Arbitrary = [typeof(TurnArbitraries)], MaxTest = 200)]
    public async Task AnyConversation_GetsAReplyToEveryMessage(Conversation conversation)
    {
        var chat = "test:" + Guid.NewGuid().ToString("N");
        foreach (var message in conversation.Messages)
        {
            var reply = await _bot.SayAsync(message.Value, chat, conversation.Language);

            Assert.NotNull(reply);
            Assert.False(string.IsNullOrWhiteSpace(reply.Text));
            Assert.True(_bot.Engine.Flow.TryGetState(reply.State, out _), $"unknown state {reply.State}");
            Assert.Contains(reply.Language, _bot.Engine.Flow.Languages);
        }

        // A real answer each time, not the error boundary's apology for an exception.
        Assert.Equal(0, _bot.FailedTurns);
    }

    /// <summary>Messages of one conversation, and the language hint its channel gave.</summary>
    public sealed record Conversation(IReadOnlyList<AnyText> Messages, string? Language)
    {
        public override string ToString() => $"[{string.Join(", ", Messages)}] (language hint {Language ?? "none"})";
    }

    public static class TurnArbitraries
    {
        private static readonly string[] Prefixes =
        [
            "/remind ", "/timezone ", "/lang ", "/schedule ", "sched:", "sched:time:", "mtg:", "intent:", "every Monday at ",
            "every ", " weeks on Monday at 10 ", "@RecipeBot ",
        ];

        private static readonly string[] Whole =
        [
            "/start", "en", "et", "ru", "official", "activist", "contact", "1", "2", "3", "7", "/back", "/help", "/meetings",
            "/remind", "sched:save", "sched:edit", "sched:cancel", "sched:freq:weekly", "neither", "/restart",
        ];

        public static Arbitrary<Conversation> Conversation()
        {
            var message = Gen.Frequency(
                (4, AnyTextArbitrary.Strings),
                (3, Gen.Elements(Prefixes).SelectMany(prefix => AnyTextArbitrary.Strings.Select(rest => prefix + rest))),
                (3, Gen.Elements(Whole))).Select(text => new AnyText(text));
            var messages = Gen.Choose(1, 6).SelectMany(count => message.ListOf(count)).Select(list => (IReadOnlyList<AnyText>)[.. list]);
            var language = Gen.Elements<string?>(null, "en", "et-EE", "ru", "fi", "\uD800", "");
            return Arb.From(messages.SelectMany(list => language.Select(hint => new Conversation(list, hint))));
        }
    }
}
