using System.Collections.Frozen;
using RecipeBot.Core.Content;
using RecipeBot.Core.Conversations;
using RecipeBot.StateMachine;

namespace RecipeBot.Core.Flow;

/// <summary>
/// The flow of <c>flow.yaml</c> compiled once at start-up: a shared state machine definition
/// (one machine per turn is built over it cheaply) and the precomputed states.
/// </summary>
public sealed class CompiledFlow
{
    /// <summary>Fired when free text was recognised as a situation: the argument is the state that shows it.</summary>
    public const string DiagnosedTrigger = "diagnosed";

    private readonly FrozenDictionary<string, CompiledState> _states;
    private readonly FrozenDictionary<string, string> _situationStates;

    private CompiledFlow(
        ContentSet content,
        StateMachineDefinition<string, string> definition,
        StateMachine<string, string>.TriggerWithParameters<string> diagnosed,
        FrozenDictionary<string, CompiledState> states)
    {
        Content = content;
        Definition = definition;
        Diagnosed = diagnosed;
        _states = states;
        Start = states[content.Flow.Start];
        _situationStates = content.Flow.States
            .Where(s => s.SituationId is not null)
            .DistinctBy(s => s.SituationId)
            .ToFrozenDictionary(s => s.SituationId!, s => s.Id, StringComparer.Ordinal);
    }

    public StateMachine<string, string>.TriggerWithParameters<string> Diagnosed { get; }

    public ContentSet Content { get; }

    public StateMachineDefinition<string, string> Definition { get; }

    public CompiledState Start { get; }

    public IEnumerable<CompiledState> States => Content.Flow.States.Select(s => _states[s.Id]);

    public string DefaultLanguage => Content.Flow.DefaultLanguage;

    public IReadOnlyList<string> Languages => Content.Flow.Languages;

    public static CompiledFlow Compile(ContentSet content)
    {
        var definition = new StateMachineDefinition<string, string>();
        var diagnosed = definition.SetTriggerParameters<string>(DiagnosedTrigger);
        var states = new Dictionary<string, CompiledState>(StringComparer.Ordinal);
        foreach (var flowState in content.Flow.States)
        {
            var state = new CompiledState(flowState, content);
            states[state.Id] = state;
            // From anywhere, recognised free text leads straight to its situation.
            var configuration = definition.Configure(state.Id).PermitDynamic(diagnosed, target => target);
            foreach (var choice in state.Choices)
            {
                switch (choice.Action)
                {
                    case ChoiceAction.Goto when choice.Goto == state.Id:
                        configuration.PermitReentry(choice.Id);
                        break;
                    case ChoiceAction.Goto:
                        configuration.Permit(choice.Id, choice.Goto!);
                        break;
                    case ChoiceAction.ShowMethod or ChoiceAction.ScheduleMeeting or ChoiceAction.TryRecipes:
                        // Answered in place: the user stays where they are.
                        configuration.InternalTransition(choice.Id, _ => Task.CompletedTask);
                        break;
                    default:
                        // back and restart depend on the conversation's history, so the engine handles them.
                        configuration.Ignore(choice.Id);
                        break;
                }
            }
        }

        return new CompiledFlow(content, definition, diagnosed, states.ToFrozenDictionary(StringComparer.Ordinal));
    }

    public bool TryGetState(string id, out CompiledState state) => _states.TryGetValue(id, out state!);

    /// <summary>The state that shows <paramref name="situationId"/>, if any.</summary>
    public string? StateOf(string situationId) => _situationStates.GetValueOrDefault(situationId);

    public CompiledState this[string id] => _states[id];

    /// <summary>A machine over <paramref name="conversation"/>'s state, sharing this flow's definition.</summary>
    public StateMachine<string, string> CreateMachine(Conversation conversation) =>
        new(Definition, () => conversation.State, state => conversation.State = state);

    /// <summary>The flow as a Mermaid state diagram.</summary>
    public string ToMermaid() => MermaidGraph.Format(new StateMachine<string, string>(Definition, () => Content.Flow.Start, _ => { }).GetInfo());
}
