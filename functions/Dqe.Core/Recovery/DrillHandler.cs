using Dqe.Core.Hosting;
using Dqe.Core.Hosting.Telemetry;

namespace Dqe.Core.Recovery;

/// <summary>
/// <c>dqe.dr-drill</c>: one step of a DR drill per call; the workflow's Wait loops space heartbeats and recovery
/// checks. Measure emits RTO/RPO as EMF metrics; report writes JSON + HTML to the reports bucket.
/// </summary>
internal sealed class DrillHandler : FunctionHandler<DrillStepRequest, DrillRecord>
{
    public const string Name = "dqe.dr-drill";
    private static readonly string[] Actions = ["start", "heartbeat", "fault", "check", "measure", "fail-back", "report"];
    private readonly Lazy<(DrillService Service, IReportSink Reports)> _setup;

    public DrillHandler(Func<(DrillService, IReportSink)> setup)
        : base(RecoveryJsonContext.Default.DrillStepRequest, RecoveryJsonContext.Default.DrillRecord)
    {
        _setup = new(setup);
    }

    protected override async Task<DrillRecord> HandleAsync(DrillStepRequest request, InvocationContext context, CancellationToken cancellationToken)
    {
        if (!Actions.Contains(request.Action))
        {
            throw new InvalidRequestException("$.action", $"must be one of {string.Join(", ", Actions)}, got '{request.Action}'");
        }

        if (request.Action == "start")
        {
            DrScenario scenario;
            try
            {
                scenario = DrScenarios.Parse(request.Scenario);
            }
            catch (ArgumentException e)
            {
                throw new InvalidRequestException("$.scenario", e.Message);
            }

            return await _setup.Value.Service.StartAsync(scenario, request.DryRun, cancellationToken).ConfigureAwait(false);
        }

        var record = request.Record ?? throw new InvalidRequestException("$.record", "is required for this action");
        var (service, reports) = _setup.Value;
        switch (request.Action)
        {
            case "heartbeat":
                return await service.WriteHeartbeatAsync(record, cancellationToken).ConfigureAwait(false);
            case "fault":
                return await service.InjectFaultAsync(record, cancellationToken).ConfigureAwait(false);
            case "check":
                return await service.CheckRecoveryAsync(record, cancellationToken).ConfigureAwait(false);
            case "measure":
                var measured = await service.MeasureAsync(record, request.Restore, cancellationToken).ConfigureAwait(false);
                Emit(context.Metrics, measured);
                return measured;
            case "fail-back":
                var failedBack = await service.FailBackAsync(record, request.Error, request.Restore, cancellationToken).ConfigureAwait(false);
                context.Metrics.Add("DrillFailBackVerified", failedBack.FailBackVerified == true ? 1 : 0, MetricUnit.Count);
                return failedBack;
            default:
                await DrillReport.WriteAsync(record, reports, cancellationToken).ConfigureAwait(false);
                return record;
        }
    }

    private static void Emit(IMetrics metrics, DrillRecord record)
    {
        if (record.Result is not { } result)
        {
            return;
        }

        if (result.RtoSeconds is { } rto)
        {
            metrics.Add("DrillRtoSeconds", rto, MetricUnit.Seconds);
        }

        if (result.RpoSeconds is { } rpo)
        {
            metrics.Add("DrillRpoSeconds", rpo, MetricUnit.Seconds);
        }

        metrics.Add("DrillPassed", result.Passed ? 1 : 0, MetricUnit.Count);
    }
}
