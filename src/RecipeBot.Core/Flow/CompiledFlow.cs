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
    private readonly FrozenDictionary<string, CompiledState> _states;

    private CompiledFlow(ContentSet content, StateMachineDefinition<string, string> definition, FrozenDictionary<string, CompiledState> states)
    {
        Content = content;
        Definition = definition;
        _states = states;
        Start = states[content.Flow.Start];
    }

    public ContentSet Content { get; }

    public StateMachineDefinition<string, string> Definition { get; }

    public CompiledState Start { get; }

    public IEnumerable<CompiledState> States => Content.Flow.States.Select(s => _states[s.Id]);

    public string DefaultLanguage => Content.Flow.DefaultLanguage;

    public IReadOnlyList<string> Languages => Content.Flow.Languages;

    public static CompiledFlow Compile(ContentSet content)
    {
        var definition = new StateMachineDefinition<string, string>();
        var states = new Dictionary<string, CompiledState>(StringComparer.Ordinal);
        foreach (var flowState in content.Flow.States)
        {
            var state = new CompiledState(flowState, content);
            states[state.Id] = state;
            var configuration = definition.Configure(state.Id);
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
                    case ChoiceAction.ShowMethod or ChoiceAction.ScheduleMeeting:
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

        return new CompiledFlow(content, definition, states.ToFrozenDictionary(StringComparer.Ordinal));
    }

    public bool TryGetState(string id, out CompiledState state) => _states.TryGetValue(id, out state!);

    public CompiledState this[string id] => _states[id];

    /// <summary>A machine over <paramref name="conversation"/>'s state, sharing this flow's definition.</summary>
    public StateMachine<string, string> CreateMachine(Conversation conversation) =>
        new(Definition, () => conversation.State, state => conversation.State = state);

    /// <summary>The flow as a Mermaid state diagram.</summary>
    public string ToMermaid() => MermaidGraph.Format(new StateMachine<string, string>(Definition, () => Content.Flow.Start, _ => { }).GetInfo());
}
