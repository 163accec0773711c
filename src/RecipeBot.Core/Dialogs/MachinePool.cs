namespace RecipeBot.Core.Dialogs;

/// <summary>
/// Configured state machines kept for reuse. Stateless has no definition apart from the machine, and configuring one
/// costs far more than a turn (tens of microseconds, ~170 KB for the flow), so a dialog configures a machine once, binds
/// it to the conversation of one turn, and returns it afterwards. A machine serves one turn at a time; turns of
/// different conversations run concurrently, each on a machine of its own.
/// </summary>
public sealed class MachinePool<TMachine>(Func<TMachine> configure, int keep = 64)
    where TMachine : class
{
    private readonly Stack<TMachine> _free = new();
    private readonly Lock _lock = new();

    /// <summary>A free machine, configured anew only when every kept one is in use.</summary>
    public TMachine Rent()
    {
        lock (_lock)
        {
            if (_free.TryPop(out var machine))
            {
                return machine;
            }
        }

        return configure();
    }

    public void Return(TMachine machine)
    {
        lock (_lock)
        {
            if (_free.Count < keep)
            {
                _free.Push(machine);
            }
        }
    }
}
