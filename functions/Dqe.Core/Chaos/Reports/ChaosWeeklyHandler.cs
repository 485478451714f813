using Dqe.Core.Benchmarks.Functions;
using Dqe.Core.Hosting;
using Dqe.Core.Hosting.Telemetry;

namespace Dqe.Core.Chaos.Reports;

/// <summary><c>dqe.chaos.weekly</c>: summarises the week's chaos run reports into chaos/weekly/ (JSON + HTML).</summary>
internal sealed class ChaosWeeklyHandler : FunctionHandler<ChaosWeeklyRequest, ChaosWeeklySummary>
{
    private readonly IReportStore _store;
    private readonly TimeProvider _time;

    public ChaosWeeklyHandler(HostServices services)
        : base(ChaosReportsJsonContext.Default.ChaosWeeklyRequest, ChaosReportsJsonContext.Default.ChaosWeeklySummary)
    {
        ArgumentNullException.ThrowIfNull(services);
        _store = new LazyReportStore(services.Environment);
        _time = services.Time;
    }

    protected override async Task<ChaosWeeklySummary> HandleAsync(ChaosWeeklyRequest request, InvocationContext context, CancellationToken cancellationToken)
    {
        var summary = await ChaosWeeklyReport.BuildAsync(_store, request.WeekEnding ?? _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        var key = await ChaosWeeklyReport.WriteAsync(_store, summary, cancellationToken).ConfigureAwait(false);
        context.Log.Info($"chaos weekly summary {key}: {summary.Runs.Count} runs, {summary.Unreadable.Count} unreadable");
        return summary;
    }
}
