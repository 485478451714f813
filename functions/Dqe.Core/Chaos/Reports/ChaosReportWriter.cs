using System.Globalization;
using System.Text.Json;
using Dqe.Core.Benchmarks.Functions;
using Dqe.Core.Chaos.Handlers;

namespace Dqe.Core.Chaos.Reports;

/// <summary>Turns a finished run state into its report and writes report.json (and the HTML timeline unless the campaign says <c>html: false</c>).</summary>
internal static class ChaosReportWriter
{
    public static ChaosRunReport Build(ChaosRunState state, DateTimeOffset now)
    {
        var timeline = state.Timeline ?? [];
        var aborted = state.Error?.Error?.Contains(nameof(ChaosAbortedException), StringComparison.Ordinal) == true
            ? timeline.FirstOrDefault(t => t.Kind == "rollback")?.At ?? now
            : (DateTimeOffset?)null;
        var degradation = FaultBenchmark.Degradation(state);
        var runId = state.RunId ?? $"{state.Campaign.Name}-{now.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)}";
        return new ChaosRunReport(runId, state.Campaign.Name, state.Outcome ?? "unknown", state.Score, ResilienceScore.Deductions(state) ?? [],
            state.Clean, state.Campaign.SteadyState.RecoveryTimeout, state.Polls ?? [], timeline, now,
            state.Campaign.Description, state.InjectedAt, state.FaultsEndAt, aborted, state.Recovered, state.RecoveredAt,
            state.Error is { } e ? $"{e.Error}: {e.Cause}" : null, degradation, FaultBenchmark.MeanSlowdown(degradation));
    }

    /// <summary>Writes the run's report; returns the JSON key.</summary>
    public static async Task<string> WriteAsync(IReportStore store, ChaosRunState state, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var report = Build(state, now);
        var day = state.InjectedAt ?? now;
        var key = ChaosReportKeys.Run(day, report.RunId, "json");
        await store.PutAsync(key, JsonSerializer.Serialize(report, ChaosReportsJsonContext.Default.ChaosRunReport), "application/json", cancellationToken).ConfigureAwait(false);
        if (state.Campaign.Report?.Html != false)
        {
            await store.PutAsync(ChaosReportKeys.Run(day, report.RunId, "html"), ChaosReportHtml.Render(report), "text/html; charset=utf-8", cancellationToken).ConfigureAwait(false);
        }

        return key;
    }
}
