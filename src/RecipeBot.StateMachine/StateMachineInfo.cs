namespace RecipeBot.StateMachine;

/// <summary>The structure of a state machine, for documentation and diagrams.</summary>
public sealed class StateMachineInfo
{
    internal StateMachineInfo(object initialState, IReadOnlyList<StateInfo> states)
    {
        InitialState = initialState;
        States = states;
    }

    /// <summary>The machine's state when the info was taken; diagrams start here.</summary>
    public object InitialState { get; }

    /// <summary>The configured states in configuration order, then states only referenced by others.</summary>
    public IReadOnlyList<StateInfo> States { get; }
}
