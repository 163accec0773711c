namespace RecipeBot.Core.Turns;

/// <summary>A channel's part of the rehearsal: reading its updates and writing its requests, on the rehearsal's turns.</summary>
public interface IChannelRehearsal
{
    string Channel { get; }

    /// <summary>Rehearses the channel's path; returns how many messages it rendered for sending.</summary>
    Task<int> RunAsync(Rehearsal rehearsal, CancellationToken cancellationToken);
}
