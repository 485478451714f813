using Dqe.Core.Benchmarks;

namespace Dqe.Cli.Bench;

/// <summary>A one-line live progress bar on stderr (carriage return redraws), e.g. <c>[######----] 12/40 q03 c=4</c>.</summary>
internal sealed class ProgressBar(TextWriter error) : IProgress<BenchmarkProgress>
{
    private const int Width = 30;
    private readonly Lock _gate = new();

    public void Report(BenchmarkProgress value)
    {
        lock (_gate)
        {
            var filled = value.Total == 0 ? Width : value.Completed * Width / value.Total;
            error.Write($"\r[{new string('#', filled)}{new string('-', Width - filled)}] {value.Completed}/{value.Total} {value.QueryId} {value.Phase}   ");
            if (value.Completed == value.Total)
            {
                error.WriteLine();
            }

            error.Flush();
        }
    }
}
