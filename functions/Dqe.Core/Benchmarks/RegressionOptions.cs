namespace Dqe.Core.Benchmarks;

/// <summary>
/// Verdict rules. Defaults: significance <c>Alpha</c> 0.05 (two-sided Mann–Whitney), a change must move the
/// median by at least <c>MinEffect</c> 5% to count, each side needs <c>MinSamples</c> 3 samples, and a side
/// whose coefficient of variation exceeds <c>MaxCv</c> 0.5 is too noisy to judge.
/// </summary>
public sealed record RegressionOptions(double Alpha = 0.05, double MinEffect = 0.05, int MinSamples = 3, double MaxCv = 0.5)
{
    public void Validate()
    {
        if (Alpha is <= 0 or >= 1)
        {
            throw new ArgumentException($"Alpha must be in (0, 1), got {Alpha}.", nameof(Alpha));
        }

        if (MinEffect is < 0 or >= 10)
        {
            throw new ArgumentException($"MinEffect must be in [0, 10), got {MinEffect}.", nameof(MinEffect));
        }

        if (MinSamples < 2)
        {
            throw new ArgumentException($"MinSamples must be at least 2 (never a verdict from one sample), got {MinSamples}.", nameof(MinSamples));
        }

        if (MaxCv <= 0)
        {
            throw new ArgumentException($"MaxCv must be positive, got {MaxCv}.", nameof(MaxCv));
        }
    }
}
