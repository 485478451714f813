using System.Globalization;

namespace Dqe.Benchmarks;

/// <summary>One client in the interleaved HTTP benchmark: how it reads the result, and what it measured.</summary>
internal sealed class Contender(string name, Func<string, Action<long>, Task<long>> read)
{
    public string Name { get; } = name;

    public Func<string, Action<long>, Task<long>> Read { get; } = read;

    public List<double> Speeds { get; } = [];

    public long Allocated { get; set; }

    public List<double> CpuSeconds { get; } = [];

    public string Collections { get; set; } = "";

    public long PeakSmall { get; set; }

    public long Peak { get; set; }

    public double Median => Speeds.Order().ElementAt(Speeds.Count / 2);

    public string Row(int rows) => string.Create(CultureInfo.InvariantCulture,
        $"| {Name} | {Median:N0} | {CpuSeconds.Order().ElementAt(CpuSeconds.Count / 2) * 1e9 / rows:N0} | {(double)Allocated / rows:0.0} | {Collections} | {PeakSmall / 1048576.0:0.0} MiB → {Peak / 1048576.0:0.0} MiB |");
}
