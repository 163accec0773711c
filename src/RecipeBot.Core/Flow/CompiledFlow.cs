using System.Collections.Frozen;
using RecipeBot.Core.Content;
using RecipeBot.Core.Conversations;
using RecipeBot.Core.Dialogs;
using Stateless.Graph;

namespace RecipeBot.Core.Flow;

/// <summary>
/// The flow of <c>flow.yaml</c> compiled once at start-up: its precomputed states and a pool of configured
/// Stateless machines (<see cref="FlowMachine"/>), each bound to one conversation per turn.
/// </summary>
public sealed class CompiledFlow
{
    /// <summary>Fired when free text was recognised as a situation: the argument is the state that shows it.</summary>
    public const string DiagnosedTrigger = "diagnosed";

    private readonly FrozenDictionary<string, CompiledState> _states;
    private readonly FrozenDictionary<string, string> _situationStates;
    private readonly MachinePool<FlowMachine> _machines;

    private CompiledFlow(ContentSet content, FrozenDictionary<string, CompiledState> states)
    {
        Content = content;
        _states = states;
        Start = states[content.Flow.Start];
        _situationStates = content.Flow.States
            .Where(s => s.SituationId is not null)
            .DistinctBy(s => s.SituationId)
            .ToFrozenDictionary(s => s.SituationId!, s => s.Id, StringComparer.Ordinal);
        _machines = new MachinePool<FlowMachine>(() => new FlowMachine(this));
        _machines.Return(new FlowMachine(this));
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

    /// <summary>A configured machine bound to <paramref name="conversation"/>; give it back with <see cref="Return"/>.</summary>
    public FlowMachine Rent(Conversation conversation)
    {
        var machine = _machines.Rent();
        machine.Conversation = conversation;
        return machine;
    }

    public void Return(FlowMachine machine)
    {
        machine.Conversation = null;
        _machines.Return(machine);
    }

    /// <summary>The flow as a Mermaid state diagram, as Stateless exports it.</summary>
    public string ToMermaid()
    {
        var machine = _machines.Rent();
        try
        {
            return MermaidGraph.Format(machine.Machine.GetInfo());
        }
        finally
        {
            _machines.Return(machine);
        }
    }
}
