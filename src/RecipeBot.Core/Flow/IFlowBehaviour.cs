using RecipeBot.Core.Content;
using Stateless;

namespace RecipeBot.Core.Flow;

/// <summary>What the flow's machine does besides moving between states (see <see cref="CompiledFlow.Configure"/>).</summary>
public interface IFlowBehaviour
{
    /// <summary>Arriving in a state, from another or again: the choice's settings, the history, the recipes given.</summary>
    void Entered(StateMachine<string, string>.Transition transition);

    /// <summary>A choice answered where the user is: a method card, "schedule a meeting", "I'll try this".</summary>
    Task AnswerInPlaceAsync(FlowChoice choice);
}
