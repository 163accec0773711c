namespace RecipeBot.Core.Tests;

/// <summary>Waits for a condition another task makes true, failing after ten seconds rather than hanging.</summary>
public static class Eventually
{
    public static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(5, timeout.Token);
        }
    }
}
