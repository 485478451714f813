using System.Globalization;
using Constructs;
using Dqe.Cdk.Engines;
using Dqe.Core.Hosting;

namespace Dqe.Cdk.Automation;

/// <summary>
/// The backup and drill functions' own settings from the <c>backup</c> config section (access — engines,
/// buckets, Kubernetes — comes from <see cref="FunctionAccess"/>): what to back up, where ClickHouse writes
/// it (the backups bucket's <c>clickhouse/</c> prefix, the only one its IRSA role may write), retention, and
/// the namespace and zone the drills act on.
/// </summary>
public sealed class BackupWiring : Construct
{
    public BackupWiring(Construct scope, string id, BackupWiringProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        var config = props.Config;
        var backup = config.Backup;
        if (props.Backup is { } function)
        {
            var env = function.Function;
            // No trailing slash: backup ids are appended as "/<id>".
            var prefix = ClickHouseInstallationManifest.BackupPrefix.TrimEnd('/');
            env.AddEnvironment(FunctionVariables.BackupDatabases, string.Join(',', backup.Databases));
            env.AddEnvironment(FunctionVariables.BackupDestination, props.Store.Url(props.Store.BackupsBucket, prefix));
            env.AddEnvironment(FunctionVariables.BackupPrefix, prefix);
            env.AddEnvironment(FunctionVariables.ClickHouseCluster, config.Engines.ClickHouse.ClusterName);
            env.AddEnvironment(FunctionVariables.BackupKeepCount, backup.KeepCount.ToString(CultureInfo.InvariantCulture));
            env.AddEnvironment(FunctionVariables.BackupMaxAgeDays, backup.MaxAgeDays.ToString(CultureInfo.InvariantCulture));
            env.AddEnvironment(FunctionVariables.BackupEngine, backup.Engine);
        }

        if (props.Restore is { } restore && props.Replica is { } replica)
        {
            // Only where the replica exists, and only reads: manifests, extras and (for the copy engine) nothing else.
            var prefix = ClickHouseInstallationManifest.BackupPrefix;
            replica.GrantRead(restore.Function, prefix + "*");
            var env = restore.Function;
            env.AddEnvironment(FunctionVariables.RestoreBucket, replica.BucketName);
            env.AddEnvironment(FunctionVariables.RestoreSource, props.Store.Url(replica.BucketName, prefix.TrimEnd('/')));
            env.AddEnvironment(FunctionVariables.BackupPrefix, prefix.TrimEnd('/'));
            env.AddEnvironment(FunctionVariables.ClickHouseCluster, config.Engines.ClickHouse.ClusterName);
            env.AddEnvironment(FunctionVariables.BackupEngine, backup.Engine);
        }

        if (props.Drill is { } drill)
        {
            // Replica and Keeper loss act on ClickHouse's namespace, where the drill may delete pods and claims.
            drill.Function.AddEnvironment(FunctionVariables.DrillNamespace, EngineNamespaces.ClickHouse);
            drill.Function.AddEnvironment(FunctionVariables.DrillZone, DrillZone(config));
        }
    }

    /// <summary>The zone az-loss drains: configured, or the last of the environment's zones.</summary>
    public static string DrillZone(Config.DqeConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config.Backup.DrillZone is { Length: > 0 } zone ? zone : config.Network.AvailabilityZones[^1];
    }
}
