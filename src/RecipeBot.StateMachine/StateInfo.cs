namespace RecipeBot.StateMachine;

/// <summary>The configuration of one state.</summary>
public sealed class StateInfo
{
    internal StateInfo(
        object underlyingState,
        object? superstate,
        IReadOnlyList<object> substates,
        object? initialTransitionTarget,
        IReadOnlyList<TransitionInfo> transitions,
        bool hasEntryActions,
        bool hasExitActions)
    {
        UnderlyingState = underlyingState;
        Superstate = superstate;
        Substates = substates;
        InitialTransitionTarget = initialTransitionTarget;
        Transitions = transitions;
        HasEntryActions = hasEntryActions;
        HasExitActions = hasExitActions;
    }

    /// <summary>The state.</summary>
    public object UnderlyingState { get; }

    /// <summary>The direct superstate, or <see langword="null"/>.</summary>
    public object? Superstate { get; }

    /// <summary>The direct substates, in configuration order.</summary>
    public IReadOnlyList<object> Substates { get; }

    /// <summary>The target of the initial transition, or <see langword="null"/>.</summary>
    public object? InitialTransitionTarget { get; }

    /// <summary>The state's own trigger handlers, in configuration order (inherited ones are not repeated).</summary>
    public IReadOnlyList<TransitionInfo> Transitions { get; }

    /// <summary>Whether any entry action (OnEntry or OnEntryFrom) is configured.</summary>
    public bool HasEntryActions { get; }

    /// <summary>Whether any exit action is configured.</summary>
    public bool HasExitActions { get; }
}
