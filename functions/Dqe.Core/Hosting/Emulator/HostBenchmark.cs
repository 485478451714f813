using System.Globalization;
using System.Text;

namespace Dqe.Core.Hosting.Emulator;

/// <summary>
/// Measures a bootstrap build the way Lambda starts it: an event is already queued on a fresh emulator,
/// the process is started, and the clock stops when its first response arrives (cold start). After
/// some warm invocations the process's peak RSS is read. A measurement, never a test assertion.
/// </summary>
public sealed class HostBenchmark
{
    private readonly TimeProvider _time;
    private readonly HostBenchmarkOptions _options;

    public HostBenchmark(TimeProvider time, HostBenchmarkOptions options)
    {
        _time = time;
        _options = options.Validate();
    }

    public async Task<HostMeasurement> MeasureAsync(string label, HostCommand command, CancellationToken cancellationToken)
    {
        var coldStarts = new List<TimeSpan>();
        var rss = new List<long>();
        var payload = Encoding.UTF8.GetBytes(_options.Event);
        for (var run = 0; run < _options.Runs; run++)
        {
            await using var emulator = RuntimeApiEmulator.Start(_time);
            var first = emulator.InvokeAsync(new EmulatedInvocation(payload), cancellationToken);
            var started = _time.GetTimestamp();
            using var process = HostProcess.Start(command, emulator.Address, _options.Handler);
            await ExpectResponseAsync(first, emulator, process, label, cancellationToken).ConfigureAwait(false);
            coldStarts.Add(_time.GetElapsedTime(started));

            for (var i = 0; i < _options.WarmInvocations; i++)
            {
                var warm = emulator.InvokeAsync(new EmulatedInvocation(payload), cancellationToken);
                await ExpectResponseAsync(warm, emulator, process, label, cancellationToken).ConfigureAwait(false);
            }

            if (process.PeakRssBytes() is { } bytes)
            {
                rss.Add(bytes);
            }
        }

        return new HostMeasurement(label, coldStarts, rss);
    }

    /// <summary>Markdown table of two measurements with the ratios the issue sets as targets (5x start, 2x RSS).</summary>
    public static string Report(HostMeasurement aot, HostMeasurement jit)
    {
        var startRatio = jit.MedianColdStart / aot.MedianColdStart;
        var rssRatio = aot.MedianPeakRssBytes == 0 ? 0 : (double)jit.MedianPeakRssBytes / aot.MedianPeakRssBytes;
        var text = new StringBuilder()
            .AppendLine("| build | runs | cold start median (ms) | cold start min..max (ms) | peak RSS median (MiB) |")
            .AppendLine("|---|---|---|---|---|");
        foreach (var m in new[] { aot, jit })
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {m.Label} | {m.ColdStarts.Count} | {Ms(m.MedianColdStart)} | {Ms(m.ColdStarts.Min())}..{Ms(m.ColdStarts.Max())} | {m.MedianPeakRssBytes / 1048576.0:F1} |");
        }

        return text
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"cold start: {aot.Label} is {startRatio:F1}x faster than {jit.Label} (target >= 5x: {(startRatio >= 5 ? "met" : "NOT met")})")
            .AppendLine(CultureInfo.InvariantCulture, $"peak RSS: {aot.Label} is {rssRatio:F1}x smaller than {jit.Label} (target >= 2x: {(rssRatio >= 2 ? "met" : "NOT met")})")
            .ToString();
    }

    private static string Ms(TimeSpan value) => value.TotalMilliseconds.ToString("F1", CultureInfo.InvariantCulture);

    private async Task ExpectResponseAsync(Task<EmulatedOutcome> invocation, RuntimeApiEmulator emulator, HostProcess process, string label, CancellationToken cancellationToken)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(_options.Patience);
        var exited = process.WaitForExitAsync(patience.Token);
        var finished = await Task.WhenAny(invocation, emulator.InitError, exited).ConfigureAwait(false);
        if (finished == invocation && invocation.Result.Kind == EmulatedOutcomeKind.Response)
        {
            return;
        }

        var detail = finished == invocation ? invocation.Result.BodyText
            : finished == emulator.InitError ? emulator.InitError.Result.BodyText
            : exited.IsCanceled ? $"no answer within {_options.Patience.TotalSeconds} s"
            : $"process ended: {string.Join(" / ", process.OutputLines.TakeLast(5))}";
        throw new InvalidOperationException($"{label}: the bootstrap did not answer '{_options.Handler}' with a response: {detail}");
    }
}
