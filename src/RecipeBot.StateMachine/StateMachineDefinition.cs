using System.Diagnostics.CodeAnalysis;

namespace RecipeBot.StateMachine;

/// <summary>
/// The configuration of a state machine, shareable by many <see cref="StateMachine{TState, TTrigger}"/> instances
/// so that creating a machine costs almost nothing.
/// </summary>
/// <remarks>
/// Configure it completely before sharing it: configuring is not thread-safe, while firing machines that share a
/// fully configured definition from several threads is (each machine itself is used by one caller at a time).
/// </remarks>
/// <typeparam name="TState">The type of the states.</typeparam>
/// <typeparam name="TTrigger">The type of the triggers.</typeparam>
public sealed class StateMachineDefinition<TState, TTrigger>
    where TState : notnull
    where TTrigger : notnull
{
    private readonly Dictionary<TState, StateMachine<TState, TTrigger>.StateRepresentation> _states = [];
    private readonly List<StateMachine<TState, TTrigger>.StateRepresentation> _ordered = [];
    private Dictionary<TTrigger, Type>? _parameterTypes;

    /// <summary>Begins configuring <paramref name="state"/>.</summary>
    /// <param name="state">The state to configure.</param>
    /// <returns>A fluent configuration object.</returns>
    public StateMachine<TState, TTrigger>.StateConfiguration Configure(TState state) => new(this, GetOrAdd(state));

    /// <summary>Declares that <paramref name="trigger"/> carries one argument of type <typeparamref name="TArg"/>.</summary>
    /// <typeparam name="TArg">The argument type.</typeparam>
    /// <param name="trigger">The trigger.</param>
    /// <returns>The typed trigger to fire and to configure parameterised handlers with.</returns>
    /// <exception cref="InvalidOperationException">The trigger's parameters are already configured.</exception>
    public StateMachine<TState, TTrigger>.TriggerWithParameters<TArg> SetTriggerParameters<TArg>(TTrigger trigger)
    {
        if (!(_parameterTypes ??= []).TryAdd(trigger, typeof(TArg)))
        {
            throw new InvalidOperationException($"Parameters for the trigger '{trigger}' have already been configured.");
        }

        return new StateMachine<TState, TTrigger>.TriggerWithParameters<TArg>(trigger);
    }

    internal StateMachine<TState, TTrigger>.StateRepresentation? Find(TState state) =>
        _states.TryGetValue(state, out var representation) ? representation : null;

    internal StateMachine<TState, TTrigger>.StateRepresentation GetOrAdd(TState state)
    {
        if (!_states.TryGetValue(state, out var representation))
        {
            representation = new StateMachine<TState, TTrigger>.StateRepresentation(state);
            _states.Add(state, representation);
            _ordered.Add(representation);
        }

        return representation;
    }

    internal bool TryGetParameterType(TTrigger trigger, [NotNullWhen(true)] out Type? type)
    {
        type = null;
        return _parameterTypes is not null && _parameterTypes.TryGetValue(trigger, out type);
    }

    /// <summary>Rejects typed handlers whose argument type differs from the trigger's declared one.</summary>
    internal void EnsureParameterType<TArg>(TTrigger trigger)
    {
        if (!TryGetParameterType(trigger, out var expected) || expected != typeof(TArg))
        {
            throw new ArgumentException(
                $"Trigger '{trigger}' is not declared with an argument of type {typeof(TArg)} in this definition.");
        }
    }

    internal StateMachineInfo BuildInfo(TState currentState)
    {
        // States referenced but never configured (destinations, initial targets) are listed after the configured ones.
        var referenced = new List<TState>();
        var known = new HashSet<TState>(_states.Keys);
        var states = new List<StateInfo>(_ordered.Count);
        foreach (var representation in _ordered)
        {
            var transitions = new List<TransitionInfo>(representation.Behaviours.Count);
            foreach (var behaviour in representation.Behaviours)
            {
                object? destination = null;
                if (behaviour.Kind is TransitionKind.Permit or TransitionKind.Reentry)
                {
                    destination = behaviour.Destination;
                    Reference(behaviour.Destination);
                }

                transitions.Add(new TransitionInfo(behaviour.Trigger, destination, behaviour.GuardDescription, behaviour.Kind));
            }

            var substates = new List<object>();
            foreach (var candidate in _ordered)
            {
                if (candidate.Superstate == representation)
                {
                    substates.Add(candidate.State);
                }
            }

            object? initial = null;
            if (representation.HasInitialTransition)
            {
                initial = representation.InitialTransitionTarget;
                Reference(representation.InitialTransitionTarget);
            }

            states.Add(new StateInfo(
                representation.State,
                representation.Superstate is null ? null : representation.Superstate.State,
                substates,
                initial,
                transitions,
                representation.EntryActions.Count > 0,
                representation.ExitActions.Count > 0));
        }

        Reference(currentState);
        foreach (var state in referenced)
        {
            states.Add(new StateInfo(state, null, [], null, [], hasEntryActions: false, hasExitActions: false));
        }

        return new StateMachineInfo(currentState, states);

        void Reference(TState state)
        {
            if (known.Add(state))
            {
                referenced.Add(state);
            }
        }
    }
}
