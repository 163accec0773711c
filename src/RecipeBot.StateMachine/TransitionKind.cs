namespace RecipeBot.StateMachine;

/// <summary>How a state handles a trigger.</summary>
public enum TransitionKind
{
    /// <summary>Moves to a fixed destination (Permit, PermitIf).</summary>
    Permit,

    /// <summary>Moves to a destination chosen at fire time (PermitDynamic).</summary>
    Dynamic,

    /// <summary>Exits and re-enters the state (PermitReentry).</summary>
    Reentry,

    /// <summary>Runs an action without leaving the state (InternalTransition).</summary>
    Internal,

    /// <summary>Accepts the trigger and does nothing (Ignore).</summary>
    Ignore,
}
