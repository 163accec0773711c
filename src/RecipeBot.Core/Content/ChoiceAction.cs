namespace RecipeBot.Core.Content;

/// <summary>What a choice does when it does not simply lead to another state.</summary>
public enum ChoiceAction
{
    /// <summary>Go to the state named by <see cref="FlowChoice.Goto"/>.</summary>
    Goto,
    /// <summary>Return to the previous state.</summary>
    Back,
    /// <summary>Start again from the first state, keeping the language.</summary>
    Restart,
    /// <summary>Set up a regular meeting reminder.</summary>
    ScheduleMeeting,
    /// <summary>Show a method card and stay in the state.</summary>
    ShowMethod,
    /// <summary>"I'll try this": ask in a week how the situation's recipes worked.</summary>
    TryRecipes,
    /// <summary>Show one recipe of the state's situation with its steps, and stay in the state.</summary>
    ShowRecipe,
    /// <summary>Show a reference card (<c>cards.yaml</c>) and stay in the state.</summary>
    ShowCard,
    /// <summary>Show the situation's overview again.</summary>
    ShowOverview,
}
