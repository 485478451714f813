namespace Dqe.Core.Benchmarks;

/// <summary>One execution: client wall time plus what the engine reported about it.</summary>
internal readonly record struct Measurement(double WallMs, long EngineElapsedMs, long EngineCpuMs, long Rows, long ProcessedRows, long ProcessedBytes);
