namespace RecipeBot.StateMachine;

/// <summary>One configured way a state handles a trigger.</summary>
public sealed class TransitionInfo
{
    internal TransitionInfo(object trigger, object? destination, string? guardDescription, TransitionKind kind)
    {
        Trigger = trigger;
        Destination = destination;
        GuardDescription = guardDescription;
        Kind = kind;
    }

    /// <summary>The trigger.</summary>
    public object Trigger { get; }

    /// <summary>The destination for permit and reentry transitions; <see langword="null"/> for the other kinds.</summary>
    public object? Destination { get; }

    /// <summary>The guard's description, or <see langword="null"/> when unguarded.</summary>
    public string? GuardDescription { get; }

    /// <summary>The kind of handling.</summary>
    public TransitionKind Kind { get; }
}
