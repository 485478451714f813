using System.Globalization;
using Dqe.Core.Engines;

namespace Dqe.Cli.Query;

/// <summary>
/// A progress line on stderr for statements running longer than <see cref="Quiet"/>: state, splits, rows, bytes,
/// at most once per second, so short queries print nothing extra.
/// </summary>
internal sealed class ProgressLine(TextWriter error, TimeProvider time, string engine) : IProgress<QueryStats>
{
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(2);
    private readonly long _started = time.GetTimestamp();
    private TimeSpan _lastPrinted = TimeSpan.MinValue;

    public bool Printed { get; private set; }

    public void Report(QueryStats value)
    {
        var elapsed = time.GetElapsedTime(_started);
        if (elapsed < Quiet || elapsed - _lastPrinted < TimeSpan.FromSeconds(1))
        {
            return;
        }

        _lastPrinted = elapsed;
        Printed = true;
        var splits = value.TotalSplits > 0 ? $" {value.CompletedSplits}/{value.TotalSplits} splits" : "";
        var percent = value.ProgressPercentage is { } p ? string.Create(CultureInfo.InvariantCulture, $" {p:0.#}%") : "";
        error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"[{engine}] {value.State}{percent}{splits}, {value.ProcessedRows:N0} rows, {value.ProcessedBytes / 1048576.0:0.0} MiB, {elapsed.TotalSeconds:0}s"));
    }
}
