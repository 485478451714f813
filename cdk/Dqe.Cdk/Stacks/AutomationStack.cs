using Amazon.CDK;
using Amazon.CDK.AWS.Events;
using Amazon.CDK.AWS.Lambda;
using Constructs;
using Dqe.Cdk.Automation;
using Dqe.Cdk.Platform;
using Dqe.Workflows;
using Dqe.Workflows.Building;
using Dqe.Workflows.Chaos;
using Dqe.Workflows.Remediation;

namespace Dqe.Cdk.Stacks;

/// <summary>
/// The Dqe functions (one per handler, all running the shared AOT bootstrap) and the state machines that
/// orchestrate them. A canary function (dqe.ping) is always deployed to prove the package starts.
/// </summary>
public sealed class AutomationStack : Stack
{
    public const string CanaryHandler = "dqe.ping";

    private readonly Dictionary<string, DqeFunction> _functions = new(StringComparer.Ordinal);

    public AutomationStack(Construct scope, string id, AutomationStackProps props)
        : base(scope, id, props)
    {
        ArgumentNullException.ThrowIfNull(props);
        var config = props.Config;
        var package = new FunctionPackage(this, "Package", new FunctionPackageProps());
        Access = new FunctionAccess(this, "Access", new FunctionAccessProps(props.Platform.Cluster, props.Engines, props.Platform.Lake));
        // A handler used by several workflows gets the union of what they declare, granted once.
        var needs = props.Workflows
            .SelectMany(w => w.Handlers.Select(h => (Handler: h, Needs: w.NeedsOf(h))))
            .GroupBy(n => n.Handler, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Aggregate(HandlerNeeds.None, (all, n) => all | n.Needs), StringComparer.Ordinal);

        DqeFunction FunctionFor(string handler)
        {
            if (!_functions.TryGetValue(handler, out var function))
            {
                var sizing = config.Automation.Functions.GetValueOrDefault(handler) ?? config.Automation.FunctionDefaults;
                var handlerNeeds = needs.GetValueOrDefault(handler);
                function = new DqeFunction(this, FunctionId(handler), new DqeFunctionProps(
                    handler, package.Code, sizing, config.Env, config.LogRetentionDays, props.Platform.Network.Vpc)
                {
                    SecurityGroups = Access.SecurityGroupsFor(handlerNeeds),
                });
                Access.Grant(function, handlerNeeds);
                _functions.Add(handler, function);
            }

            return function;
        }

        FunctionFor(CanaryHandler);
        foreach (var workflow in props.Workflows)
        {
            var declared = workflow.Handlers.ToHashSet(StringComparer.Ordinal);
            var context = new WorkflowContext(config.Env, handler => declared.Contains(handler)
                ? FunctionFor(handler).Function
                : throw new InvalidOperationException($"workflow '{workflow.Name}' uses handler '{handler}' without declaring it"));
            var machine = new DqeStateMachine(this, FunctionId(workflow.Name) + "Workflow",
                new DqeStateMachineProps(workflow, context, Retention.From(config.LogRetentionDays)));
            StateMachines.Add(workflow.Name, machine);
        }

        if (StateMachines.TryGetValue(WorkflowNames.Remediation, out var remediation))
        {
            var steps = props.Workflows.First(w => w.Name == WorkflowNames.Remediation).Handlers.ToDictionary(h => h, FunctionFor, StringComparer.Ordinal);
            Remediation = new Remediation(this, "Remediation", new RemediationProps(config.Env, config.Ephemeral, props.Platform.Network.Vpc,
                remediation, FunctionFor(RemediationWorkflow.Webhook), steps, RemediationWorkflow.Escalate, config.LogRetentionDays)
            {
                EscalationEmail = config.Automation.EscalationEmail,
            });
        }

        Rotation = new SecretRotation(this, "SecretRotation", new SecretRotationProps(config.Env, package.Code,
            config.Automation.Functions.GetValueOrDefault(SecretRotation.Handler) ?? config.Automation.FunctionDefaults,
            config.Security, config.LogRetentionDays, props.Platform.Network.Vpc, Access, props.Engines));

        ChaosMesh = new ChaosMesh(this, "ChaosMesh", new ChaosMeshProps(props.Platform.Cluster.Cluster, config.Automation.ChaosMeshVersion));
        if (StateMachines.TryGetValue(WorkflowNames.ChaosSweep, out var sweeper))
        {
            _ = new WorkflowSchedule(this, "ChaosSweepSchedule", new WorkflowScheduleProps(Schedule.Rate(Duration.Minutes(ChaosSweepWorkflow.Every.TotalMinutes)), sweeper.StateMachine)
            {
                Description = "Removes what crashed chaos runs left behind",
            });
        }

        if (StateMachines.TryGetValue(WorkflowNames.Chaos, out var chaos))
        {
            ChaosSchedules = new ChaosSchedules(this, "ChaosSchedules", new ChaosSchedulesProps(chaos.StateMachine,
                StateMachines.GetValueOrDefault(WorkflowNames.ChaosWeekly)?.StateMachine, RepositoryPaths.Find("chaos/campaigns", "run the CDK app from the repository")));
        }

        if (config.Automation.Benchmark is { Enabled: true } bench && StateMachines.TryGetValue(Dqe.Workflows.WorkflowNames.Benchmark, out var benchmark))
        {
            BenchmarkSchedules = new BenchmarkSchedules(this, "BenchmarkSchedules", new BenchmarkSchedulesProps(benchmark.StateMachine, bench, new BenchmarkTargets(
                props.Engines.Endpoints.TrinoUrl, props.Engines.Endpoints.ClickHouseUrl, config.Engines.ClickHouse.ClusterName,
                props.Engines.Store.LakeBucket, props.Engines.Store.Region, props.Platform.Lake.GlueDatabaseName)));
        }

        _ = new BackupSchedules(this, "Schedules", new BackupSchedulesProps(
            StateMachines.GetValueOrDefault("backup")?.StateMachine, StateMachines.GetValueOrDefault("dr-drill")?.StateMachine, config.Backup.VolumeTag, config.Backup.ReceivesReplica));
        _ = new BackupWiring(this, "BackupWiring", new BackupWiringProps(config, props.Engines.Store,
            _functions.GetValueOrDefault(Dqe.Workflows.Backup.BackupWorkflow.Handler), _functions.GetValueOrDefault(Dqe.Workflows.Recovery.DrDrillWorkflow.Handler),
            _functions.GetValueOrDefault(Dqe.Workflows.Recovery.RegionRestoreSteps.Handler), props.Platform.Lake.BackupsReplicaBucket));

        // Last: the alarms cover every state machine and the dead-letter queue the schedules above created.
        if (Remediation is not null)
        {
            Alarms = new WorkflowAlarms(this, "Alarms", new WorkflowAlarmsProps(config.Env, StateMachines, Remediation) { DeadLetters = WorkflowSchedule.FindDeadLetters(this) });
        }
    }

    /// <summary>Grants each function what its handler declares it needs (Kubernetes, engines, buckets).</summary>
    public FunctionAccess Access { get; }

    /// <summary>Table, topic and private API of alert remediation, when the remediation workflow is deployed.</summary>
    public Remediation? Remediation { get; }

    /// <summary>Failed-run alarms of every workflow and the schedules' dead-letter alarm, paging the escalation topic (with remediation).</summary>
    public WorkflowAlarms? Alarms { get; }

    /// <summary>Rotation of the automation users' and the people's engine passwords.</summary>
    public SecretRotation Rotation { get; }

    /// <summary>The Chaos Mesh install the chaos workflow injects faults through.</summary>
    public ChaosMesh ChaosMesh { get; }

    /// <summary>EventBridge rules of the scheduled campaign files and the weekly chaos summary.</summary>
    public ChaosSchedules? ChaosSchedules { get; }

    /// <summary>The nightly benchmark rules (one per run), when automation.benchmark.enabled.</summary>
    public BenchmarkSchedules? BenchmarkSchedules { get; }

    /// <summary>Function of each handler, by handler name.</summary>
    public IReadOnlyDictionary<string, DqeFunction> Functions => _functions;

    /// <summary>State machine of each workflow, by workflow name.</summary>
    public Dictionary<string, DqeStateMachine> StateMachines { get; } = new(StringComparer.Ordinal);

    /// <summary>"bench.run-query" -> "BenchRunQuery": readable, stable construct ids.</summary>
    internal static string FunctionId(string name) =>
        string.Concat(name.Split(['.', '-', '_'], StringSplitOptions.RemoveEmptyEntries).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
}
