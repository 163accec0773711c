namespace RecipeBot.StateMachine;

public sealed partial class StateMachine<TState, TTrigger>
    where TState : notnull
    where TTrigger : notnull
{
    private Queue<QueuedTrigger>? _queue;
    private bool _firing;

    /// <summary>
    /// Fires <paramref name="trigger"/>. When called from inside an action of this machine the trigger is queued,
    /// and the outermost call completes only after the queue has drained.
    /// </summary>
    /// <param name="trigger">The trigger to fire.</param>
    /// <returns>A task that completes when the transition (and anything queued by it) has completed.</returns>
    public Task FireAsync(TTrigger trigger)
    {
        if (_definition.TryGetParameterType(trigger, out var expected))
        {
            return Task.FromException(new ArgumentException(
                $"Trigger '{trigger}' requires an argument of type {expected}; fire it through its TriggerWithParameters."));
        }

        return FireCoreAsync(trigger, Array.Empty<object?>());
    }

    /// <summary>Fires a parameterised trigger; see <see cref="FireAsync(TTrigger)"/>.</summary>
    /// <typeparam name="TArg">The argument type.</typeparam>
    /// <param name="trigger">The typed trigger, from <see cref="SetTriggerParameters{TArg}"/>.</param>
    /// <param name="argument">The argument, passed to parameterised handlers and in <see cref="Transition.Parameters"/>.</param>
    /// <returns>A task that completes when the transition (and anything queued by it) has completed.</returns>
    public Task FireAsync<TArg>(TriggerWithParameters<TArg> trigger, TArg argument)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        if (!_definition.TryGetParameterType(trigger.Trigger, out var expected))
        {
            return Task.FromException(new ArgumentException(
                $"Parameters for the trigger '{trigger.Trigger}' have not been configured in this machine's definition."));
        }

        if (expected != typeof(TArg))
        {
            return Task.FromException(new ArgumentException(
                $"The argument in position 0 is of type {typeof(TArg)} but must be of type {expected}."));
        }

        return FireCoreAsync(trigger.Trigger, [argument]);
    }

    private Task FireCoreAsync(TTrigger trigger, object?[] arguments)
    {
        if (_firing)
        {
            // Stateless's queued mode: a trigger fired from an action runs once the current transition is complete.
            (_queue ??= new Queue<QueuedTrigger>()).Enqueue(new QueuedTrigger(trigger, arguments));
            return Task.CompletedTask;
        }

        _firing = true;
        Task first;
        try
        {
            first = FireOneAsync(trigger, arguments);
        }
        catch (Exception exception)
        {
            _queue?.Clear();
            _firing = false;
            return Task.FromException(exception);
        }

        if (first.IsCompletedSuccessfully && (_queue is null || _queue.Count == 0))
        {
            // Fast path: nothing awaited and nothing queued, so no async state machine is needed.
            _firing = false;
            return Task.CompletedTask;
        }

        return DrainAsync(first);
    }

    private async Task DrainAsync(Task first)
    {
        try
        {
            await first.ConfigureAwait(false);
            while (_queue is { Count: > 0 })
            {
                var next = _queue.Dequeue();
                await FireOneAsync(next.Trigger, next.Arguments).ConfigureAwait(false);
            }
        }
        catch
        {
            // Triggers queued behind a failed transition no longer make sense; the next turn starts clean.
            _queue?.Clear();
            throw;
        }
        finally
        {
            _firing = false;
        }
    }

    private Task FireOneAsync(TTrigger trigger, object?[] arguments)
    {
        var source = State;
        var sourceRepresentation = _definition.Find(source);
        List<string>? unmetGuards = null;
        var behaviour = FindHandler(sourceRepresentation, trigger, ref unmetGuards);
        if (behaviour is null || sourceRepresentation is null)
        {
            return HandleUnhandledAsync(source, trigger, unmetGuards);
        }

        switch (behaviour.Kind)
        {
            case TransitionKind.Ignore:
                return Task.CompletedTask;
            case TransitionKind.Internal:
                return behaviour.InternalAction!(new Transition(source, source, trigger, arguments));
        }

        // A reentry's destination is the state that declared it, which may be a superstate (as in Stateless).
        var destination = behaviour.Kind == TransitionKind.Dynamic ? behaviour.DestinationSelector!(arguments) : behaviour.Destination;
        var destinationRepresentation = _definition.Find(destination);
        var isReentry = behaviour.Kind == TransitionKind.Reentry;
        if (IsSilentTransition(sourceRepresentation, destinationRepresentation, isReentry))
        {
            SetState(destination);
            return Task.CompletedTask;
        }

        var transition = new Transition(source, destination, trigger, arguments);
        return TransitionAsync(sourceRepresentation, destinationRepresentation, transition, isReentry);
    }

    private static TriggerBehaviour? FindHandler(StateRepresentation? representation, TTrigger trigger, ref List<string>? unmetGuards)
    {
        // The innermost state with a passing handler wins; otherwise its superstates are consulted.
        for (var r = representation; r is not null; r = r.Superstate)
        {
            if (!r.TriggerBehaviours.TryGetValue(trigger, out var candidates))
            {
                continue;
            }

            TriggerBehaviour? match = null;
            for (var i = 0; i < candidates.Count; i++)
            {
                var candidate = candidates[i];
                if (!candidate.GuardPasses())
                {
                    (unmetGuards ??= []).Add(candidate.GuardDescription!);
                }
                else if (match is null)
                {
                    match = candidate;
                }
                else
                {
                    throw new InvalidOperationException(
                        $"Multiple permitted exit transitions are configured from state '{r.State}' for trigger '{trigger}'. Guard clauses must be mutually exclusive.");
                }
            }

            if (match is not null)
            {
                return match;
            }
        }

        return null;
    }

    private Task HandleUnhandledAsync(TState source, TTrigger trigger, List<string>? unmetGuards)
    {
        if (_unhandledTriggerHandler is not null)
        {
            return _unhandledTriggerHandler(source, trigger);
        }

        throw new InvalidOperationException(unmetGuards is null
            ? $"No valid leaving transitions are permitted from state '{source}' for trigger '{trigger}'. Consider ignoring the trigger."
            : $"Trigger '{trigger}' is valid for transition from state '{source}' but a guard condition is not met. Guard descriptions: '{string.Join("', '", unmetGuards)}'.");
    }

    private bool IsSilentTransition(StateRepresentation source, StateRepresentation? destination, bool isReentry)
    {
        // Nothing observable besides the state change: skip the Transition object and the async machinery.
        if (isReentry || _transitionedHandlers is { Count: > 0 } || destination is { HasInitialTransition: true })
        {
            return false;
        }

        for (var r = source; r is not null; r = r.Superstate)
        {
            if (r.ExitActions.Count > 0)
            {
                return false;
            }
        }

        for (var r = destination; r is not null; r = r.Superstate)
        {
            if (r.EntryActions.Count > 0)
            {
                return false;
            }
        }

        return true;
    }

    private readonly record struct QueuedTrigger(TTrigger Trigger, object?[] Arguments);
}
