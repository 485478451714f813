namespace Dqe.Cli.Tests.TestHelpers;

/// <summary>A clock that moves forward a fixed step on every read, so Wait-paced loops in a local run reach their deadlines without sleeping.</summary>
internal sealed class SteppingTimeProvider(DateTimeOffset start, TimeSpan step) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Add(ref _ticks, step.Ticks), TimeSpan.Zero);

    /// <summary>Jumps ahead (e.g. past a crashed run's expiry).</summary>
    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
