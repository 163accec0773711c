namespace RecipeBot.StateMachine;

public sealed partial class StateMachine<TState, TTrigger>
    where TState : notnull
    where TTrigger : notnull
{
    /// <summary>Describes a transition while it is being performed.</summary>
    public sealed class Transition
    {
        /// <summary>Creates a transition description.</summary>
        /// <param name="source">The state being left.</param>
        /// <param name="destination">The state being entered.</param>
        /// <param name="trigger">The trigger that caused the transition.</param>
        /// <param name="parameters">The trigger's arguments; <see langword="null"/> for none.</param>
        public Transition(TState source, TState destination, TTrigger trigger, object?[]? parameters = null)
        {
            Source = source;
            Destination = destination;
            Trigger = trigger;
            Parameters = parameters ?? Array.Empty<object?>();
        }

        /// <summary>The state being left.</summary>
        public TState Source { get; }

        /// <summary>The state being entered.</summary>
        public TState Destination { get; }

        /// <summary>The trigger that caused the transition.</summary>
        public TTrigger Trigger { get; }

        /// <summary>Whether the source and destination are the same state.</summary>
        public bool IsReentry => EqualityComparer<TState>.Default.Equals(Source, Destination);

        /// <summary>The trigger's arguments; the shared empty array when there are none.</summary>
        public object?[] Parameters { get; }
    }
}
