using Amazon.CDK.AWS.Events;
using Amazon.CDK.AWS.StepFunctions;
using Constructs;

namespace Dqe.Cdk.Automation;

/// <summary>
/// EventBridge schedules (UTC) for the backup and DR drill state machines: full backup Sundays 02:00,
/// incremental Monday–Saturday 02:00, a replica-loss drill Wednesdays 03:00, and where the environment receives
/// replicated backups a region-restore drill on the first Sunday of each month at 05:00. The engine volumes to snapshot are
/// named by a tag filter (backup.volumeTag, e.g. the EBS CSI driver's <c>kubernetes.io/created-for/pvc/namespace=clickhouse</c>)
/// that the workflow resolves with ec2:describeVolumes at run time, so new volumes are included without a deploy.
/// </summary>
public sealed class BackupSchedules : Construct
{
    public BackupSchedules(Construct scope, string id, BackupSchedulesProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        if (props.Backup is { } backup)
        {
            Add("WeeklyFull", "SUN", "2", backup, BackupInput("full", props.VolumeTag));
            Add("DailyIncremental", "MON-SAT", "2", backup, BackupInput("incremental", props.VolumeTag));
        }

        if (props.Drill is { } drill)
        {
            Add("WeeklyDrill", "WED", "3", drill, Drill("replica-loss"));
            if (props.RegionRestore)
            {
                Add("MonthlyRegionRestore", "SUN#1", "5", drill, Drill("region-restore"));
            }
        }
    }

    private static Dictionary<string, object> Drill(string scenario) => new() { ["scenario"] = scenario, ["dryRun"] = false };

    private static Dictionary<string, object> BackupInput(string kind, string volumeTag)
    {
        var input = new Dictionary<string, object> { ["kind"] = kind, ["volumeIds"] = Array.Empty<string>() };
        if (volumeTag.Length > 0)
        {
            var at = volumeTag.IndexOf('=', StringComparison.Ordinal);
            input["volumeFilter"] = new Dictionary<string, object> { ["name"] = "tag:" + volumeTag[..at], ["values"] = new[] { volumeTag[(at + 1)..] } };
        }

        return input;
    }

    private void Add(string id, string weekDays, string hour, IStateMachine machine, Dictionary<string, object> input) =>
        _ = new WorkflowSchedule(this, id, new WorkflowScheduleProps(Schedule.Cron(new CronOptions { Minute = "0", Hour = hour, WeekDay = weekDays }), machine)
        {
            Input = input,
        });
}
