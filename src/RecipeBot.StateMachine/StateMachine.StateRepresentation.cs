namespace RecipeBot.StateMachine;

public sealed partial class StateMachine<TState, TTrigger>
    where TState : notnull
    where TTrigger : notnull
{
    /// <summary>Everything configured for one state; shared by all machines over the same definition.</summary>
    internal sealed class StateRepresentation(TState state)
    {
        public TState State { get; } = state;

        public StateRepresentation? Superstate { get; set; }

        /// <summary>Handlers in configuration order (for reflection and permitted triggers).</summary>
        public List<TriggerBehaviour> Behaviours { get; } = [];

        /// <summary>Handlers by trigger (for firing); several only when guarded.</summary>
        public Dictionary<TTrigger, List<TriggerBehaviour>> TriggerBehaviours { get; } = [];

        public List<EntryAction> EntryActions { get; } = [];

        public List<Func<Transition, Task>> ExitActions { get; } = [];

        public bool HasInitialTransition { get; set; }

        public TState InitialTransitionTarget { get; set; } = default!;

        /// <summary>Whether <paramref name="other"/> is this state or nested (at any depth) in it.</summary>
        public bool Includes(StateRepresentation? other)
        {
            for (var r = other; r is not null; r = r.Superstate)
            {
                if (r == this)
                {
                    return true;
                }
            }

            return false;
        }

        public void Add(TriggerBehaviour behaviour)
        {
            Behaviours.Add(behaviour);
            if (!TriggerBehaviours.TryGetValue(behaviour.Trigger, out var list))
            {
                list = [];
                TriggerBehaviours.Add(behaviour.Trigger, list);
            }

            list.Add(behaviour);
        }
    }

    /// <summary>One way a state handles a trigger.</summary>
    internal sealed class TriggerBehaviour(TransitionKind kind, TTrigger trigger)
    {
        public TransitionKind Kind { get; } = kind;

        public TTrigger Trigger { get; } = trigger;

        /// <summary>For <see cref="TransitionKind.Permit"/> and <see cref="TransitionKind.Reentry"/>.</summary>
        public TState Destination { get; init; } = default!;

        public Func<bool>? Guard { get; init; }

        public string? GuardDescription { get; init; }

        public Func<object?[], TState>? DestinationSelector { get; init; }

        public Func<Transition, Task>? InternalAction { get; init; }

        public bool GuardPasses() => Guard is null || Guard();
    }

    /// <summary>An entry action, optionally restricted to one trigger (OnEntryFrom).</summary>
    internal sealed class EntryAction(Func<Transition, Task> action, bool hasTrigger, TTrigger trigger)
    {
        public Func<Transition, Task> Action { get; } = action;

        public bool AppliesTo(TTrigger firedTrigger) => !hasTrigger || EqualityComparer<TTrigger>.Default.Equals(trigger, firedTrigger);
    }
}
