namespace Dqe.Core.Hosting.Emulator;

/// <summary>Cold starts (process start to first response) and peak RSS of one bootstrap build.</summary>
public sealed record HostMeasurement(string Label, IReadOnlyList<TimeSpan> ColdStarts, IReadOnlyList<long> PeakRssBytes)
{
    public TimeSpan MedianColdStart => ColdStarts.Order().ElementAt(ColdStarts.Count / 2);

    public long MedianPeakRssBytes => PeakRssBytes.Count == 0 ? 0 : PeakRssBytes.Order().ElementAt(PeakRssBytes.Count / 2);
}
