using Dqe.Core.Benchmarks;
using Dqe.Core.Benchmarks.ClickHouseData;

namespace Dqe.Cli.Bench;

/// <summary>Everything `dqe bench run` was given, parsed.</summary>
internal sealed record BenchRunSettings(
    BenchmarkOptions Options,
    Uri Server,
    string? User,
    bool AllowInsecure,
    DirectoryInfo Out,
    FileInfo? Baseline,
    FileInfo? Other,
    DirectoryInfo? History,
    ClickHouseDataOptions ClickHouse);
