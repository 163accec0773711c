using Microsoft.Extensions.Logging.Abstractions;
using RecipeBot.Core.Conversations;
using RecipeBot.Core.Diagnosis;
using RecipeBot.Core.Engine;
using RecipeBot.Core.Flow;
using RecipeBot.Core.Outbox;

namespace RecipeBot.Core.Turns;

/// <summary>
/// Turns rehearsed before the bot takes its first message, so that a turn's code is compiled before a user waits for
/// it: the program runs without tiered compilation, so a method is compiled once, fully optimised, when first called.
/// The rehearsal has an engine of its own on the real content and free-text model, with conversations, meetings,
/// plans, figures and an outbox in memory: nothing it says is stored, counted or sent to anyone.
/// </summary>
public sealed class Rehearsal
{
    /// <summary>Typed messages in each language, so that free-text recognition and the diagnosis are rehearsed too.</summary>
    private static readonly IReadOnlyDictionary<string, string[]> Typed = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["et"] = ["Me ei leia oma vallast ühtegi MTÜd", "Volikogu ei taha kaasamisest kuulda", "/help", "/plan", "/meetings"],
        ["en"] = ["We cannot find any NGOs in our municipality", "The council does not want to hear about engagement", "/help", "/plan", "/meetings"],
        ["ru"] = ["Мы не можем найти ни одной НКО в нашей волости", "Совет не хочет слышать о вовлечении", "/help", "/plan", "/meetings"],
    };

    private readonly InMemoryConversationStore _store = new();

    public Rehearsal(CompiledFlow flow, IntentDiagnoser? diagnoser, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(flow);
        Turns = new TurnRunner(new RecipeEngine(flow, time, diagnoser: diagnoser), _store, _store, new OutboxSignal(), NullLogger<TurnRunner>.Instance);
        Languages = flow.Languages;
    }

    /// <summary>The rehearsal's own turns: its engine, its conversations, its outbox.</summary>
    public TurnRunner Turns { get; }

    /// <summary>The rehearsal's conversations, as its turns left them.</summary>
    public IConversationStore Conversations => _store;

    /// <summary>What the rehearsal's turns wrote to be sent; a channel's rehearsal drains it through its own sending code.</summary>
    public IOutboxStore Outbox => _store;

    public IReadOnlyList<string> Languages { get; }

    /// <summary>Turns the walks took so far (a channel's rehearsal counts its own).</summary>
    public int TurnsTaken { get; private set; }

    /// <summary>
    /// Walks the flow <paramref name="walks"/> times in each language: from <c>/start</c>, each step presses one of the
    /// buttons offered (its own language first, then a different way each walk), and the walk ends with the language's
    /// typed messages.
    /// </summary>
    public async Task WalkAsync(int walks, int steps, CancellationToken cancellationToken)
    {
        foreach (var language in Languages)
        {
            for (var walk = 0; walk < walks; walk++)
            {
                var conversation = $"rehearsal:{language}:{walk}";
                var reply = await TurnAsync(conversation, "/start", language, cancellationToken).ConfigureAwait(false);
                for (var step = 1; step < steps && reply is { Choices.Count: > 0 }; step++)
                {
                    reply = await TurnAsync(conversation, Press([.. reply.Choices.Select(c => c.Id)], language, walk + step), language, cancellationToken).ConfigureAwait(false);
                }

                foreach (var text in Typed.GetValueOrDefault(language, Typed["en"]))
                {
                    await TurnAsync(conversation, text, language, cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }

    /// <summary>
    /// The button a walk presses: its own language when asked for one, otherwise the <paramref name="turn"/>-th of
    /// those that lead on (not another language, not back, not restart), so that walks go their different ways.
    /// </summary>
    public string Press(IReadOnlyList<string> choices, string language, int turn)
    {
        ArgumentNullException.ThrowIfNull(choices);
        if (choices.Contains(language))
        {
            return language;
        }

        var onward = choices.Where(id => !Languages.Contains(id) && id is not ("back" or "restart")).ToList();
        return onward.Count > 0 ? onward[turn % onward.Count] : choices[turn % choices.Count];
    }

    /// <summary>One turn of a walk, as a channel would hand it over.</summary>
    private async Task<OutgoingMessage?> TurnAsync(string conversationId, string text, string language, CancellationToken cancellationToken)
    {
        var reply = await Turns.RunAsync(new IncomingMessage(conversationId, text, "rehearsal", language, $"{TurnsTaken + 1}"), cancellationToken).ConfigureAwait(false);
        TurnsTaken++;
        return reply;
    }
}
