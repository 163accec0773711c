namespace RecipeBot.StateMachine;

public sealed partial class StateMachine<TState, TTrigger>
    where TState : notnull
    where TTrigger : notnull
{
    /// <summary>A trigger that carries one argument of type <typeparamref name="TArg"/>.</summary>
    /// <typeparam name="TArg">The argument type.</typeparam>
    public sealed class TriggerWithParameters<TArg>
    {
        // Created only by SetTriggerParameters, so the definition always knows the argument type.
        internal TriggerWithParameters(TTrigger trigger) => Trigger = trigger;

        /// <summary>The underlying trigger.</summary>
        public TTrigger Trigger { get; }
    }
}
