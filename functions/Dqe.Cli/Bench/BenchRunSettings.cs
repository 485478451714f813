using Dqe.Core.Benchmarks;

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
    DirectoryInfo? History);
