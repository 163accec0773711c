using System.Collections.Frozen;
using RecipeBot.Core.Content;
using Stateless;
using Stateless.Graph;

namespace RecipeBot.Core.Flow;

/// <summary>
/// The flow of <c>flow.yaml</c> compiled once at start-up: its precomputed states, and the configuration of a Stateless
/// machine over them (<see cref="Configure"/>), which the menu dialog applies once to each machine it keeps.
/// </summary>
public sealed class CompiledFlow
{
    /// <summary>Fired when free text was recognised as a situation: the argument is the state that shows it.</summary>
    public const string DiagnosedTrigger = "diagnosed";

    private readonly FrozenDictionary<string, CompiledState> _states;
    private readonly FrozenDictionary<string, string> _situationStates;

    private CompiledFlow(ContentSet content, FrozenDictionary<string, CompiledState> states)
    {
        Content = content;
        _states = states;
        Start = states[content.Flow.Start];
        _situationStates = content.Flow.States
            .Where(s => s.SituationId is not null)
            .DistinctBy(s => s.SituationId)
            .ToFrozenDictionary(s => s.SituationId!, s => s.Id, StringComparer.Ordinal);
    }

    public ContentSet Content { get; }

    public CompiledState Start { get; }

    public IEnumerable<CompiledState> States => Content.Flow.States.Select(s => _states[s.Id]);

    public string DefaultLanguage => Content.Flow.DefaultLanguage;

    public IReadOnlyList<string> Languages => Content.Flow.Languages;

    public static CompiledFlow Compile(ContentSet content)
    {
        var states = new Dictionary<string, CompiledState>(StringComparer.Ordinal);
        foreach (var flowState in content.Flow.States)
        {
            states[flowState.Id] = new CompiledState(flowState, content);
        }

        return new CompiledFlow(content, states.ToFrozenDictionary(StringComparer.Ordinal));
    }

    public bool TryGetState(string id, out CompiledState state) => _states.TryGetValue(id, out state!);

    /// <summary>The state that shows <paramref name="situationId"/>, if any.</summary>
    public string? StateOf(string situationId) => _situationStates.GetValueOrDefault(situationId);

    public CompiledState this[string id] => _states[id];

    /// <summary>
    /// Configures <paramref name="machine"/> as the flow: a choice with <c>goto</c> moves there, recognised free text
    /// (<paramref name="diagnosed"/>, whose argument is the target) moves from anywhere to its situation, and method
    /// cards, "schedule a meeting" and "I'll try this" are answered in place. <c>back</c> and <c>restart</c> depend on
    /// the conversation's history, so the menu dialog handles them without firing.
    /// </summary>
    public void Configure(
        StateMachine<string, string> machine, StateMachine<string, string>.TriggerWithParameters<string> diagnosed, IFlowBehaviour behaviour)
    {
        foreach (var state in States)
        {
            var configuration = machine.Configure(state.Id)
                .OnEntry(behaviour.Entered, "record")
                .PermitDynamic(diagnosed, target => target, "the recognised situation");
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
                    case ChoiceAction.ShowMethod or ChoiceAction.ScheduleMeeting or ChoiceAction.TryRecipes
                        or ChoiceAction.ShowRecipe or ChoiceAction.ShowCard or ChoiceAction.ShowOverview:
                        configuration.InternalTransitionAsync(choice.Id, _ => behaviour.AnswerInPlaceAsync(choice));
                        break;
                }
            }
        }
    }

    /// <summary>The flow as a Mermaid state diagram: Stateless's own export of the configured machine.</summary>
    public string ToMermaid()
    {
        var machine = new StateMachine<string, string>(Start.Id);
        Configure(machine, machine.SetTriggerParameters<string>(DiagnosedTrigger), NoBehaviour.Instance);
        return MermaidGraph.Format(machine.GetInfo());
    }

    private sealed class NoBehaviour : IFlowBehaviour
    {
        public static readonly NoBehaviour Instance = new();

        public void Entered(StateMachine<string, string>.Transition transition)
        {
        }

        public Task AnswerInPlaceAsync(FlowChoice choice) => Task.CompletedTask;
    }
}
