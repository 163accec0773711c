namespace RecipeBot.Channels.Telegram.Sending;

/// <summary>The quickest of the last few round trips to Telegram; zero until one is known, which is the cautious value.</summary>
internal sealed class RoundTripFloor
{
    private const int Remembered = 32;

    private readonly TimeSpan[] _recent = new TimeSpan[Remembered];
    private int _count;
    private int _next;

    public TimeSpan Value { get; private set; }

    public void Add(TimeSpan roundTrip)
    {
        _recent[_next] = roundTrip < TimeSpan.Zero ? TimeSpan.Zero : roundTrip;
        _next = (_next + 1) % Remembered;
        _count = Math.Min(_count + 1, Remembered);
        var quickest = TimeSpan.MaxValue;
        for (var i = 0; i < _count; i++)
        {
            quickest = _recent[i] < quickest ? _recent[i] : quickest;
        }

        Value = quickest;
    }
}
