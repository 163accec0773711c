using System.Security.Cryptography;
using RecipeBot.Scheduling;

namespace RecipeBot.Core.Meetings;

/// <summary>Whether a meeting series still sends reminders.</summary>
public enum MeetingStatus
{
    Active,
    Paused,
    Cancelled,
}

/// <summary>
/// A working group's meeting series (or one meeting) that the bot keeps the rhythm of: reminders
/// before each meeting, a minutes follow-up after it. Belongs to the conversation it was made in.
/// </summary>
/// <param name="Id">Short random id, lowercase letters and digits; used in buttons and job names.</param>
/// <param name="CreatedBy">The channel's user id of whoever created it (null in the terminal).</param>
/// <param name="Language">The language reminders are written in.</param>
public sealed record Meeting(
    string Id,
    string ConversationId,
    string? CreatedBy,
    MeetingSchedule Schedule,
    MeetingStatus Status,
    string Language,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    /// <summary>A new id: 10 characters, 50 bits of randomness.</summary>
    public static string NewId() => RandomNumberGenerator.GetString(Alphabet, 10);
}
