namespace Dqe.Core.Tests.TestHelpers;

/// <summary>Wraps a clock and counts timers created and disposed, to prove nothing is left running.</summary>
public sealed class CountingTimeProvider : TimeProvider
{
    private readonly TimeProvider _inner;
    private int _created;
    private int _disposed;

    public CountingTimeProvider(TimeProvider inner)
    {
        _inner = inner;
    }

    public int Created => Volatile.Read(ref _created);

    public int Disposed => Volatile.Read(ref _disposed);

    public override DateTimeOffset GetUtcNow() => _inner.GetUtcNow();

    public override long GetTimestamp() => _inner.GetTimestamp();

    public override long TimestampFrequency => _inner.TimestampFrequency;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        Interlocked.Increment(ref _created);
        return new CountedTimer(_inner.CreateTimer(callback, state, dueTime, period), this);
    }

    private sealed class CountedTimer : ITimer
    {
        private readonly ITimer _timer;
        private readonly CountingTimeProvider _owner;
        private int _done;

        public CountedTimer(ITimer timer, CountingTimeProvider owner)
        {
            _timer = timer;
            _owner = owner;
        }

        public bool Change(TimeSpan dueTime, TimeSpan period) => _timer.Change(dueTime, period);

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                Interlocked.Increment(ref _owner._disposed);
            }

            _timer.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
