namespace Dqe.Core.Benchmarks;

/// <summary>One query's verdict: medians, relative change of the median, test outcome and why.</summary>
public sealed record QueryComparison(
    string QueryId,
    int Concurrency,
    Verdict Verdict,
    string Reason,
    int BaselineSamples,
    int CandidateSamples,
    double? BaselineMedianMs,
    double? CandidateMedianMs,
    double? Change,
    double? PValue,
    double? CliffsDelta);
