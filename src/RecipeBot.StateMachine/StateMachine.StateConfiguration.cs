namespace RecipeBot.StateMachine;

public sealed partial class StateMachine<TState, TTrigger>
    where TState : notnull
    where TTrigger : notnull
{
    /// <summary>Fluent configuration of one state.</summary>
    public sealed class StateConfiguration
    {
        private readonly StateMachineDefinition<TState, TTrigger> _definition;
        private readonly StateRepresentation _representation;

        internal StateConfiguration(StateMachineDefinition<TState, TTrigger> definition, StateRepresentation representation)
        {
            _definition = definition;
            _representation = representation;
        }

        /// <summary>Moves to <paramref name="destination"/> when <paramref name="trigger"/> is fired.</summary>
        /// <exception cref="ArgumentException"><paramref name="destination"/> is this state.</exception>
        public StateConfiguration Permit(TTrigger trigger, TState destination)
        {
            EnsureNotSelf(destination);
            return Add(new TriggerBehaviour(TransitionKind.Permit, trigger) { Destination = destination });
        }

        /// <summary>Moves to <paramref name="destination"/> when <paramref name="trigger"/> is fired and <paramref name="guard"/> passes.</summary>
        /// <exception cref="ArgumentException"><paramref name="destination"/> is this state.</exception>
        public StateConfiguration PermitIf(TTrigger trigger, TState destination, Func<bool> guard, string guardDescription)
        {
            ArgumentNullException.ThrowIfNull(guard);
            ArgumentException.ThrowIfNullOrWhiteSpace(guardDescription);
            EnsureNotSelf(destination);
            return Add(new TriggerBehaviour(TransitionKind.Permit, trigger)
            {
                Destination = destination,
                Guard = guard,
                GuardDescription = guardDescription,
            });
        }

        /// <summary>Exits and re-enters this state when <paramref name="trigger"/> is fired.</summary>
        public StateConfiguration PermitReentry(TTrigger trigger) =>
            Add(new TriggerBehaviour(TransitionKind.Reentry, trigger) { Destination = _representation.State });

        /// <summary>Moves to the state chosen at fire time; choosing this state behaves as a reentry.</summary>
        public StateConfiguration PermitDynamic(TTrigger trigger, Func<TState> destinationSelector)
        {
            ArgumentNullException.ThrowIfNull(destinationSelector);
            return Add(new TriggerBehaviour(TransitionKind.Dynamic, trigger) { DestinationSelector = _ => destinationSelector() });
        }

        /// <summary>Moves to the state chosen at fire time from the trigger's argument.</summary>
        public StateConfiguration PermitDynamic<TArg>(TriggerWithParameters<TArg> trigger, Func<TArg, TState> destinationSelector)
        {
            ArgumentNullException.ThrowIfNull(trigger);
            ArgumentNullException.ThrowIfNull(destinationSelector);
            _definition.EnsureParameterType<TArg>(trigger.Trigger);
            return Add(new TriggerBehaviour(TransitionKind.Dynamic, trigger.Trigger)
            {
                DestinationSelector = arguments => destinationSelector((TArg)arguments[0]!),
            });
        }

        /// <summary>Accepts <paramref name="trigger"/> without doing anything (no actions, no OnTransitioned).</summary>
        public StateConfiguration Ignore(TTrigger trigger) => Add(new TriggerBehaviour(TransitionKind.Ignore, trigger));

        /// <summary>Runs <paramref name="action"/> on <paramref name="trigger"/> without leaving the state.</summary>
        public StateConfiguration InternalTransition(TTrigger trigger, Func<Transition, Task> action)
        {
            ArgumentNullException.ThrowIfNull(action);
            return Add(new TriggerBehaviour(TransitionKind.Internal, trigger) { InternalAction = action });
        }

        /// <summary>Nests this state in <paramref name="superstate"/>, inheriting its transitions.</summary>
        /// <exception cref="ArgumentException">The nesting would create a cycle.</exception>
        /// <exception cref="InvalidOperationException">This state already has another superstate.</exception>
        public StateConfiguration SubstateOf(TState superstate)
        {
            var state = _representation.State;
            var super = _definition.GetOrAdd(superstate);
            if (_representation.Includes(super))
            {
                throw new ArgumentException($"Configuring {state} as a substate of {superstate} creates an illegal cyclic configuration.");
            }

            if (_representation.Superstate == super)
            {
                return this;
            }

            if (_representation.Superstate is not null)
            {
                throw new InvalidOperationException(
                    $"State '{state}' is already a substate of '{_representation.Superstate.State}'.");
            }

            _representation.Superstate = super;
            return this;
        }

        /// <summary>On entering this state, moves on into <paramref name="substate"/> (checked when fired).</summary>
        /// <exception cref="ArgumentException"><paramref name="substate"/> is this state.</exception>
        /// <exception cref="InvalidOperationException">An initial transition is already configured.</exception>
        public StateConfiguration InitialTransition(TState substate)
        {
            if (_representation.HasInitialTransition)
            {
                throw new InvalidOperationException(
                    $"This state has already been configured with an initial transition ({_representation.InitialTransitionTarget}).");
            }

            if (EqualityComparer<TState>.Default.Equals(substate, _representation.State))
            {
                throw new ArgumentException("Setting the current state as the target destination state is not allowed.");
            }

            _representation.HasInitialTransition = true;
            _representation.InitialTransitionTarget = substate;
            return this;
        }

        /// <summary>Runs <paramref name="action"/> whenever this state is entered.</summary>
        public StateConfiguration OnEntry(Func<Transition, Task> action)
        {
            ArgumentNullException.ThrowIfNull(action);
            _representation.EntryActions.Add(new EntryAction(action, hasTrigger: false, default!));
            return this;
        }

        /// <summary>Runs <paramref name="action"/> whenever this state is entered.</summary>
        public StateConfiguration OnEntry(Action<Transition> action)
        {
            ArgumentNullException.ThrowIfNull(action);
            return OnEntry(transition =>
            {
                action(transition);
                return Task.CompletedTask;
            });
        }

        /// <summary>Runs <paramref name="action"/> when this state is entered through <paramref name="trigger"/>.</summary>
        public StateConfiguration OnEntryFrom(TTrigger trigger, Func<Transition, Task> action)
        {
            ArgumentNullException.ThrowIfNull(action);
            _representation.EntryActions.Add(new EntryAction(action, hasTrigger: true, trigger));
            return this;
        }

        /// <summary>Runs <paramref name="action"/> with the typed argument when this state is entered through <paramref name="trigger"/>.</summary>
        public StateConfiguration OnEntryFrom<TArg>(TriggerWithParameters<TArg> trigger, Func<TArg, Transition, Task> action)
        {
            ArgumentNullException.ThrowIfNull(trigger);
            ArgumentNullException.ThrowIfNull(action);
            _definition.EnsureParameterType<TArg>(trigger.Trigger);
            return OnEntryFrom(trigger.Trigger, transition => action((TArg)transition.Parameters[0]!, transition));
        }

        /// <summary>Runs <paramref name="action"/> whenever this state is left.</summary>
        public StateConfiguration OnExit(Func<Transition, Task> action)
        {
            ArgumentNullException.ThrowIfNull(action);
            _representation.ExitActions.Add(action);
            return this;
        }

        private StateConfiguration Add(TriggerBehaviour behaviour)
        {
            _representation.Add(behaviour);
            return this;
        }

        private void EnsureNotSelf(TState destination)
        {
            if (EqualityComparer<TState>.Default.Equals(destination, _representation.State))
            {
                throw new ArgumentException(
                    "Permit() (and PermitIf()) require that the destination state is not equal to the source state. To accept a trigger without changing state, use either Ignore() or PermitReentry().");
            }
        }
    }
}
