using System.Globalization;

namespace RecipeBot.LoadDriver;

/// <summary>
/// Linux's per-thread scheduler accounting for this process (<c>/proc/self/task/*/schedstat</c>): time on a core,
/// and time ready to run but waiting for one. The second shows when other work on the machine takes the cores.
/// </summary>
public readonly record struct SchedulerStatistics(TimeSpan Running, TimeSpan Waiting)
{
    public static bool IsAvailable => File.Exists("/proc/self/schedstat");

    public static SchedulerStatistics operator -(SchedulerStatistics a, SchedulerStatistics b) =>
        new(a.Running - b.Running, a.Waiting - b.Waiting);

    /// <summary>The sum over the process's live threads (a thread that ended takes its share with it).</summary>
    public static SchedulerStatistics Read()
    {
        if (!IsAvailable)
        {
            return default;
        }

        long running = 0;
        long waiting = 0;
        foreach (var thread in Directory.EnumerateDirectories("/proc/self/task"))
        {
            try
            {
                var fields = File.ReadAllText(Path.Combine(thread, "schedstat")).Split(' ');
                running += long.Parse(fields[0], CultureInfo.InvariantCulture);
                waiting += long.Parse(fields[1], CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                // The thread ended while being read.
            }
        }

        return new SchedulerStatistics(TimeSpan.FromTicks(running / 100), TimeSpan.FromTicks(waiting / 100));
    }
}
