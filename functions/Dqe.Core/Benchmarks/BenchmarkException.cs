namespace Dqe.Core.Benchmarks;

/// <summary>A benchmark cannot run as asked (unknown suite or query id, bad query file, bad options).</summary>
public sealed class BenchmarkException : Exception
{
    public BenchmarkException(string message) : base(message) { }

    public BenchmarkException(string message, Exception inner) : base(message, inner) { }
}
