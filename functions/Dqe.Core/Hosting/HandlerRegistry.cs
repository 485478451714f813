using Dqe.Core.Chaos.Handlers;
using Dqe.Core.Chaos.Reports;
using Dqe.Core.Benchmarks.Functions;
using Dqe.Core.Backup;
using Dqe.Core.Hosting.Diagnostics;
using Dqe.Core.Recovery;
using Dqe.Core.Remediation.Lambda;
using Dqe.Core.Secrets.Rotation;

namespace Dqe.Core.Hosting;

/// <summary>
/// Every handler the <c>bootstrap</c> binary hosts, built in code so Native AOT sees each one (no
/// reflection, no scanning). The function's <c>_HANDLER</c> setting picks an entry by name.
/// To add a handler: write a <see cref="FunctionHandler{TRequest,TResponse}"/> and add ONE line below.
/// </summary>
public static class HandlerRegistry
{
    public static IReadOnlyList<HandlerRegistration> All { get; } =
    [
        new(PingHandler.Name, "Diagnostic: echoes a note with version, function name and remaining time.", s => new PingHandler(s.Time)),
        new(ChaosHandlerNames.Validate, "Chaos: validates the campaign, assigns the run id, checks steady state before injection.", s => new ChaosStepHandler(s, ChaosSteps.ValidateAsync)),
        new(ChaosHandlerNames.Inject, "Chaos: takes the target lock, plans against the live cluster and injects the faults.", s => new ChaosStepHandler(s, ChaosSteps.InjectAsync)),
        new(ChaosHandlerNames.Observe, "Chaos: reads experiment status, polls the probes; aborts on failed injection or abort conditions; marks the faults over.", s => new ChaosStepHandler(s, ChaosSteps.ObserveAsync)),
        new(ChaosHandlerNames.Rollback, "Chaos: deletes the run's Chaos Mesh objects and cordons by label, verifies, reports what is left.", s => new ChaosStepHandler(s, ChaosSteps.RollbackAsync)),
        new(ChaosHandlerNames.Report, "Chaos: scores the run, writes the JSON + HTML report to the reports bucket, emits EMF metrics.", s => new ChaosStepHandler(s, ChaosSteps.ReportAsync)),
        new(ChaosHandlerNames.Verify, "Chaos: after recovery, checks steady state is back within the recovery timeout.", s => new ChaosStepHandler(s, ChaosSteps.VerifyAsync)),
        new(ChaosHandlerNames.Weekly, "Chaos: summarises the week's run reports (JSON + HTML) in the reports bucket.", s => new ChaosWeeklyHandler(s)),
        new(ChaosHandlerNames.Sweep, "Chaos: removes leftovers of crashed runs past their expiry.", s => new ChaosSweepHandler(s)),
        new(BenchPrepareHandler.Name, "Benchmark: validate input, resolve the suite, check engine health, list queries.", s => new BenchPrepareHandler(BenchHost.Engines(s), s.Time)),
        new(BenchPrepareLakeHandler.Name, "Benchmark: have Trino write the TPC-H tables of the scale as Parquet into the lake (once), for ClickHouse to load.", s => new BenchPrepareLakeHandler(BenchHost.Engines(s))),
        new(BenchLoadTablesHandler.Name, "Benchmark: create and load ClickHouse suite tables (the given ones, or all), once per scale.", s => new BenchLoadTablesHandler(BenchHost.Engines(s))),
        new(BenchRunQueryHandler.Name, "Benchmark: measure one query and store its samples.", s => new BenchRunQueryHandler(BenchHost.Engines(s), new LazyReportStore(s.Environment), s.Time)),
        new(BenchAggregateHandler.Name, "Benchmark: merge query results into the run report.", s => new BenchAggregateHandler(new LazyReportStore(s.Environment), s.Time)),
        new(BenchCompareHandler.Name, "Benchmark: compare with the baseline (Mann-Whitney U + minimum effect).", s => new BenchCompareHandler(new LazyReportStore(s.Environment))),
        new(BenchReportHandler.Name, "Benchmark: publish JSON + HTML reports and EMF metrics (partial on failure).", s => new BenchReportHandler(new LazyReportStore(s.Environment), s.Time)),
        new(BackupHandler.Name, "Backup workflow step: plan, start, poll, complete, verify, mark failed, retention, list.", s => new BackupHandler(() => BackupSetup.Create(s))),
        new(DrillHandler.Name, "DR drill step: start, heartbeat, fault, check, measure, fail-back, report.", s => new DrillHandler(() => DrillSetup.Create(s))),
        new(Recovery.Restore.RegionRestoreHandler.Name, "Region restore step: find the newest usable replicated backup, restore, poll, verify, Glue catalog pages, Kafka topics.", s => new Recovery.Restore.RegionRestoreHandler(() => Recovery.Restore.RegionRestoreSetup.Create(s))),
        new(RemediationHandlerNames.Webhook, "Remediation: Alertmanager webhook behind the private API; decide under guardrails, start one execution per alert.", s => new WebhookHandler(() => RemediationSetup.Create(s))),
        new(RemediationHandlerNames.Act, "Remediation: run the decided runbook, feed the circuit breaker, audit.", s => new ActHandler(() => RemediationSetup.Create(s))),
        new(RemediationHandlerNames.Verify, "Remediation: after the wait, recovered if the alert resolved or Prometheus no longer has it firing.", s => new VerifyHandler(() => RemediationSetup.Create(s))),
        new(RotationHandler.Name, "Secrets Manager rotation of the engine users' passwords: createSecret, setSecret, testSecret, finishSecret (re-sync, verify, restore on failure).", s => new RotationHandler(() => RotationSetup.Create(s))),
        new(RemediationHandlerNames.Escalate, "Remediation: page a human over SNS with what was tried, unless the alert resolved.", s => new EscalateHandler(() => RemediationSetup.Create(s))),
    ];

    public static HandlerRegistration? Find(string name) =>
        All.FirstOrDefault(h => string.Equals(h.Name, name, StringComparison.Ordinal));
}
