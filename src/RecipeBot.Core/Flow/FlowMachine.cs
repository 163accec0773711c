using RecipeBot.Core.Content;
using RecipeBot.Core.Conversations;
using Stateless;

namespace RecipeBot.Core.Flow;

/// <summary>
/// The flow of <c>flow.yaml</c> as a configured Stateless machine whose state is the
/// <see cref="Conversation.State"/> of the conversation it is bound to for one turn.
/// </summary>
public sealed class FlowMachine
{
    internal FlowMachine(CompiledFlow flow)
    {
        var start = flow.Start.Id;
        Machine = new StateMachine<string, string>(() => Conversation?.State ?? start, state => Conversation!.State = state, FiringMode.Immediate);
        Diagnosed = Machine.SetTriggerParameters<string>(CompiledFlow.DiagnosedTrigger);
        foreach (var state in flow.States)
        {
            // From anywhere, recognised free text leads straight to its situation.
            var configuration = Machine.Configure(state.Id).PermitDynamic(Diagnosed, target => target);
            foreach (var choice in state.Choices)
            {
                switch (choice.Action)
                {
                    case ChoiceAction.Goto when choice.Goto == state.Id:
                        configuration.PermitReentry(choice.Id);
                        break;
                    case ChoiceAction.Goto:
                        configuration.Permit(choice.Id, choice.Goto!);
                        break;
                    case ChoiceAction.ShowMethod or ChoiceAction.ScheduleMeeting or ChoiceAction.TryRecipes:
                        // Answered in place: the user stays where they are.
                        configuration.Ignore(choice.Id);
                        break;

                    // back and restart depend on the conversation's history, so the menu dialog handles them without firing.
                }
            }
        }
    }

    public StateMachine<string, string> Machine { get; }

    public StateMachine<string, string>.TriggerWithParameters<string> Diagnosed { get; }

    /// <summary>The conversation of the turn this machine serves; null while it waits in the pool.</summary>
    public Conversation? Conversation { get; set; }
}
