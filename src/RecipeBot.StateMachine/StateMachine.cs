namespace RecipeBot.StateMachine;

/// <summary>
/// A hierarchical state machine with the semantics of the Stateless library, asynchronous only.
/// </summary>
/// <remarks>
/// Not thread-safe by design: the app runs one conversation turn at a time per conversation, so a machine
/// must never be fired concurrently. Triggers fired from inside an action are queued and run after the
/// current transition completes. Configuration lives in a <see cref="StateMachineDefinition{TState, TTrigger}"/>,
/// which many machines may share (and read concurrently) once it is fully configured.
/// </remarks>
/// <typeparam name="TState">The type of the states.</typeparam>
/// <typeparam name="TTrigger">The type of the triggers.</typeparam>
public sealed partial class StateMachine<TState, TTrigger>
    where TState : notnull
    where TTrigger : notnull
{
    private readonly StateMachineDefinition<TState, TTrigger> _definition;
    private readonly Func<TState>? _stateAccessor;
    private readonly Action<TState>? _stateMutator;
    private TState _state;
    private List<Func<Transition, Task>>? _transitionedHandlers;
    private Func<TState, TTrigger, Task>? _unhandledTriggerHandler;

    /// <summary>Creates a machine with its own definition whose state is stored externally.</summary>
    /// <param name="stateAccessor">Reads the current state.</param>
    /// <param name="stateMutator">Writes the current state.</param>
    public StateMachine(Func<TState> stateAccessor, Action<TState> stateMutator)
        : this(new StateMachineDefinition<TState, TTrigger>(), stateAccessor, stateMutator)
    {
    }

    /// <summary>Creates a machine with its own definition that stores its state internally.</summary>
    /// <param name="initialState">The state the machine starts in.</param>
    public StateMachine(TState initialState)
    {
        _definition = new StateMachineDefinition<TState, TTrigger>();
        _state = initialState;
    }

    /// <summary>Creates a machine over a shared definition; cheap, so one machine per conversation turn is fine.</summary>
    /// <param name="definition">The shared configuration.</param>
    /// <param name="stateAccessor">Reads the current state.</param>
    /// <param name="stateMutator">Writes the current state.</param>
    public StateMachine(StateMachineDefinition<TState, TTrigger> definition, Func<TState> stateAccessor, Action<TState> stateMutator)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(stateAccessor);
        ArgumentNullException.ThrowIfNull(stateMutator);
        _definition = definition;
        _stateAccessor = stateAccessor;
        _stateMutator = stateMutator;
        _state = default!;
    }

    /// <summary>The current state.</summary>
    public TState State => _stateAccessor is null ? _state : _stateAccessor();

    /// <summary>Begins configuring <paramref name="state"/> in this machine's (possibly shared) definition.</summary>
    /// <param name="state">The state to configure.</param>
    /// <returns>A fluent configuration object.</returns>
    public StateConfiguration Configure(TState state) => _definition.Configure(state);

    /// <summary>Declares that <paramref name="trigger"/> carries one argument of type <typeparamref name="TArg"/>.</summary>
    /// <typeparam name="TArg">The argument type.</typeparam>
    /// <param name="trigger">The trigger.</param>
    /// <returns>The typed trigger to pass to <see cref="FireAsync{TArg}"/>.</returns>
    public TriggerWithParameters<TArg> SetTriggerParameters<TArg>(TTrigger trigger) => _definition.SetTriggerParameters<TArg>(trigger);

    /// <summary>Whether the machine is in <paramref name="state"/> or in one of its substates.</summary>
    /// <param name="state">The state to test.</param>
    /// <returns><see langword="true"/> if the current state is, or is nested in, <paramref name="state"/>.</returns>
    public bool IsInState(TState state)
    {
        var current = State;
        if (EqualityComparer<TState>.Default.Equals(current, state))
        {
            return true;
        }

        for (var r = _definition.Find(current)?.Superstate; r is not null; r = r.Superstate)
        {
            if (EqualityComparer<TState>.Default.Equals(r.State, state))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="trigger"/> would be handled (including by ignoring it) in the current state.</summary>
    /// <param name="trigger">The trigger to test.</param>
    /// <returns><see langword="true"/> if a handler exists whose guard passes, here or in a superstate.</returns>
    public bool CanFire(TTrigger trigger)
    {
        for (var r = _definition.Find(State); r is not null; r = r.Superstate)
        {
            if (!r.TriggerBehaviours.TryGetValue(trigger, out var candidates))
            {
                continue;
            }

            for (var i = 0; i < candidates.Count; i++)
            {
                if (candidates[i].GuardPasses())
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// The triggers that can be fired in the current state: those of the state and its superstates whose guards
    /// pass, including ignored and internal ones, each listed once in configuration order.
    /// </summary>
    /// <returns>The permitted triggers.</returns>
    public Task<IReadOnlyList<TTrigger>> GetPermittedTriggersAsync()
    {
        var permitted = new List<TTrigger>();
        for (var r = _definition.Find(State); r is not null; r = r.Superstate)
        {
            foreach (var behaviour in r.Behaviours)
            {
                if (!permitted.Contains(behaviour.Trigger) && behaviour.GuardPasses())
                {
                    permitted.Add(behaviour.Trigger);
                }
            }
        }

        return Task.FromResult<IReadOnlyList<TTrigger>>(permitted);
    }

    /// <summary>
    /// Registers a callback run for every completed transition (including reentry) after the exit actions and
    /// before the entry actions; not run for ignored triggers or internal transitions.
    /// </summary>
    /// <param name="handler">The callback.</param>
    public void OnTransitioned(Func<Transition, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        (_transitionedHandlers ??= []).Add(handler);
    }

    /// <summary>Replaces the default behaviour (throwing) when a trigger has no valid transition.</summary>
    /// <param name="handler">Receives the current state and the unhandled trigger.</param>
    public void OnUnhandledTrigger(Func<TState, TTrigger, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        _unhandledTriggerHandler = handler;
    }

    /// <summary>Describes the configuration, with the current state as the diagram's starting point.</summary>
    /// <returns>The machine's structure.</returns>
    public StateMachineInfo GetInfo() => _definition.BuildInfo(State);

    private void SetState(TState state)
    {
        if (_stateMutator is null)
        {
            _state = state;
        }
        else
        {
            _stateMutator(state);
        }
    }
}
