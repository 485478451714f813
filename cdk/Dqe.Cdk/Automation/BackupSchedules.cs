using Amazon.CDK.AWS.Events;
using Amazon.CDK.AWS.Events.Targets;
using Amazon.CDK.AWS.StepFunctions;
using Constructs;

namespace Dqe.Cdk.Automation;

/// <summary>
/// EventBridge schedules (UTC) for the backup and DR drill state machines: full backup Sundays 02:00,
/// incremental Monday–Saturday 02:00, a replica-loss drill Wednesdays 03:00. Volume ids for EBS snapshots are
/// passed as workflow input (empty until the engine volumes are known to the stack).
/// </summary>
public sealed class BackupSchedules : Construct
{
    public BackupSchedules(Construct scope, string id, IStateMachine? backup, IStateMachine? drill)
        : base(scope, id)
    {
        if (backup is not null)
        {
            Add("WeeklyFull", "SUN", "2", backup, new Dictionary<string, object> { ["kind"] = "full", ["volumeIds"] = Array.Empty<string>() });
            Add("DailyIncremental", "MON-SAT", "2", backup, new Dictionary<string, object> { ["kind"] = "incremental", ["volumeIds"] = Array.Empty<string>() });
        }

        if (drill is not null)
        {
            Add("WeeklyDrill", "WED", "3", drill, new Dictionary<string, object> { ["scenario"] = "replica-loss", ["dryRun"] = false });
        }
    }

    private void Add(string id, string weekDays, string hour, IStateMachine machine, Dictionary<string, object> input) =>
        _ = new Rule(this, id, new RuleProps
        {
            Schedule = Schedule.Cron(new CronOptions { Minute = "0", Hour = hour, WeekDay = weekDays }),
            Targets = [new SfnStateMachine(machine, new SfnStateMachineProps { Input = RuleTargetInput.FromObject(input) })],
        });
}
