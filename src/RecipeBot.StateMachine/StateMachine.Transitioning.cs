namespace RecipeBot.StateMachine;

public sealed partial class StateMachine<TState, TTrigger>
    where TState : notnull
    where TTrigger : notnull
{
    // Order: exit actions (innermost first) -> OnTransitioned -> entry actions (outermost first) -> initial transitions.
    private async Task TransitionAsync(
        StateRepresentation source,
        StateRepresentation? destination,
        Transition transition,
        bool isReentryBehaviour)
    {
        await ExitAsync(source, destination, transition).ConfigureAwait(false);
        if (isReentryBehaviour && !transition.IsReentry)
        {
            // PermitReentry inherited from a superstate re-enters that superstate, as in Stateless.
            transition = new Transition(transition.Destination, transition.Destination, transition.Trigger, transition.Parameters);
            source = destination!;
            await RunExitActionsAsync(source, transition).ConfigureAwait(false);
        }

        SetState(transition.Destination);
        if (_transitionedHandlers is not null)
        {
            for (var i = 0; i < _transitionedHandlers.Count; i++)
            {
                await _transitionedHandlers[i](transition).ConfigureAwait(false);
            }
        }

        if (destination is null)
        {
            return;
        }

        await EnterAsync(destination, source, transition, isInitialTransition: false).ConfigureAwait(false);
        await EnterInitialStatesAsync(destination, source, transition).ConfigureAwait(false);
    }

    private static async Task ExitAsync(StateRepresentation source, StateRepresentation? destination, Transition transition)
    {
        if (transition.IsReentry)
        {
            await RunExitActionsAsync(source, transition).ConfigureAwait(false);
            return;
        }

        // Leave the source and each superstate that does not also contain the destination.
        for (var r = source; r is not null && !r.Includes(destination); r = r.Superstate)
        {
            await RunExitActionsAsync(r, transition).ConfigureAwait(false);
        }
    }

    private static async Task EnterAsync(
        StateRepresentation state,
        StateRepresentation? source,
        Transition transition,
        bool isInitialTransition)
    {
        if (!transition.IsReentry)
        {
            if (state.Includes(source))
            {
                return;
            }

            // Superstates first, and only those we are coming into from outside; an initial transition is
            // already inside its superstate.
            if (!isInitialTransition && state.Superstate is not null)
            {
                await EnterAsync(state.Superstate, source, transition, isInitialTransition: false).ConfigureAwait(false);
            }
        }

        var actions = state.EntryActions;
        for (var i = 0; i < actions.Count; i++)
        {
            var action = actions[i];
            if (action.AppliesTo(transition.Trigger))
            {
                await action.Action(transition).ConfigureAwait(false);
            }
        }
    }

    private async Task EnterInitialStatesAsync(StateRepresentation state, StateRepresentation? source, Transition transition)
    {
        while (state.HasInitialTransition)
        {
            var target = state.InitialTransitionTarget;
            var targetRepresentation = _definition.Find(target);
            if (targetRepresentation is null || targetRepresentation.Superstate != state)
            {
                throw new InvalidOperationException($"The target ({target}) for the initial transition is not a substate.");
            }

            var initial = new Transition(transition.Source, target, transition.Trigger, transition.Parameters);
            SetState(target);
            await EnterAsync(targetRepresentation, source, initial, isInitialTransition: true).ConfigureAwait(false);
            state = targetRepresentation;
        }
    }

    private static async Task RunExitActionsAsync(StateRepresentation state, Transition transition)
    {
        var actions = state.ExitActions;
        for (var i = 0; i < actions.Count; i++)
        {
            await actions[i](transition).ConfigureAwait(false);
        }
    }
}
