namespace RecipeBot.Channels.Teams.Schema;

/// <summary>The body of the HTTP answer to an <c>adaptiveCard/action</c> invoke.</summary>
public sealed record InvokeResponse(int StatusCode, string Type, object? Value)
{
    public const string MessageType = "application/vnd.microsoft.activity.message";
}
