namespace Dqe.Core.Engines;

/// <summary>
/// Bounded retries for engine HTTP calls: exponential backoff with jitter between <see cref="BaseDelay"/>
/// and <see cref="MaxDelay"/>, <see cref="MaxAttempts"/> tries in total (default 5, 100 ms, 5 s).
/// </summary>
public sealed record RetryOptions(int MaxAttempts = 5, TimeSpan? BaseDelay = null, TimeSpan? MaxDelay = null)
{
    public TimeSpan EffectiveBaseDelay => BaseDelay ?? TimeSpan.FromMilliseconds(100);

    public TimeSpan EffectiveMaxDelay => MaxDelay ?? TimeSpan.FromSeconds(5);

    public void Validate()
    {
        if (MaxAttempts is < 1 or > 100)
        {
            throw new ArgumentException("Retry.MaxAttempts must be between 1 and 100.", nameof(MaxAttempts));
        }

        if (EffectiveBaseDelay < TimeSpan.Zero || EffectiveMaxDelay < EffectiveBaseDelay)
        {
            throw new ArgumentException("Retry.BaseDelay must be >= 0 and <= Retry.MaxDelay.", nameof(BaseDelay));
        }
    }

    /// <summary>Delay before retry number <paramref name="attempt"/> (1-based): equal jitter, so never less than half the step.</summary>
    internal TimeSpan DelayFor(int attempt, TimeSpan? retryAfter, double random)
    {
        if (retryAfter is { } serverAsked)
        {
            return serverAsked > EffectiveMaxDelay ? EffectiveMaxDelay : serverAsked;
        }

        var step = EffectiveBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 20));
        var capped = Math.Min(step, EffectiveMaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds((capped / 2) + (capped / 2 * random));
    }
}
