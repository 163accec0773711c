namespace RecipeBot.LoadDriver;

/// <summary>How a user's next update reaches the bot: queued for getUpdates, or posted to the webhook.</summary>
public interface IUpdateSink
{
    /// <summary>Makes the user's pending step available to the bot; calls <see cref="SimulatedUser.Send"/> under the user's gate.</summary>
    void Deliver(SimulatedUser user);
}
