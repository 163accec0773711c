using RecipeBot.Core.Meetings;
using Stateless;

namespace RecipeBot.Core.Dialogs;

/// <summary>
/// A meeting's life as a configured Stateless machine over <see cref="Meeting.Status"/> of the meeting it serves for
/// one turn: pause, resume and cancel; entering a status saves the meeting and tells the reminders.
/// </summary>
internal sealed class MeetingMachine
{
    private readonly Func<MeetingMachine, Task> _save;

    public MeetingMachine(Func<MeetingMachine, Task> save)
    {
        _save = save;
        Machine = new StateMachine<MeetingStatus, Trigger>(
            () => Bound?.Status ?? MeetingStatus.Active, status => Bound = Meeting with { Status = status }, FiringMode.Immediate);
        Machine.Configure(MeetingStatus.Active)
            .OnEntryAsync(Stamped, "save, reschedule reminders")
            .Permit(Trigger.Pause, MeetingStatus.Paused)
            .PermitReentry(Trigger.Resume)
            .Permit(Trigger.Cancel, MeetingStatus.Cancelled);
        Machine.Configure(MeetingStatus.Paused)
            .OnEntryAsync(Stamped, "save, hold reminders")
            .PermitReentry(Trigger.Pause)
            .Permit(Trigger.Resume, MeetingStatus.Active)
            .Permit(Trigger.Cancel, MeetingStatus.Cancelled);
        Machine.Configure(MeetingStatus.Cancelled)
            .OnEntryAsync(Stamped, "save, drop reminders");
    }

    public enum Trigger
    {
        Pause,
        Resume,
        Cancel,
    }

    public StateMachine<MeetingStatus, Trigger> Machine { get; }

    /// <summary>The meeting of the turn this machine serves; null while it waits in the pool.</summary>
    public Meeting? Bound { get; set; }

    public DateTimeOffset Now { get; set; }

    public CancellationToken CancellationToken { get; set; }

    /// <summary>Entering a status, resumed again included, saves the meeting as changed now.</summary>
    private Task Stamped()
    {
        Bound = Meeting with { UpdatedAt = Now };
        return _save(this);
    }

    public Meeting Meeting => Bound ?? throw new InvalidOperationException("The meeting machine is not bound to a meeting.");
}
