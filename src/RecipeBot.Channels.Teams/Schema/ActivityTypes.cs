namespace RecipeBot.Channels.Teams.Schema;

/// <summary>The activity types and names RecipeBot acts on.</summary>
public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string Invoke = "invoke";

    /// <summary>An Adaptive Card <c>Action.Execute</c> (Universal Actions).</summary>
    public const string AdaptiveCardAction = "adaptiveCard/action";
}
