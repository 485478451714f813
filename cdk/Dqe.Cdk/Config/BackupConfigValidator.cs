using System.Text.RegularExpressions;

namespace Dqe.Cdk.Config;

/// <summary>Checks the <c>backup</c> section; each error names the cdk.json key and what it allows.</summary>
internal static partial class BackupConfigValidator
{
    public static void Validate(DqeConfig config, Action<bool, string> check)
    {
        var backup = config.Backup;
        check(backup.Databases.Count > 0, "backup.databases is empty: name at least one ClickHouse database");
        foreach (var database in backup.Databases)
        {
            check(Identifier().IsMatch(database ?? ""), $"backup.databases: '{database}' is not a plain ClickHouse identifier");
        }

        check(backup.KeepCount is >= 1 and <= 1000, $"backup.keepCount = {backup.KeepCount} must be 1-1000");
        check(backup.MaxAgeDays >= 1 && backup.MaxAgeDays < config.Lake.BackupsExpireAfterDays,
            $"backup.maxAgeDays = {backup.MaxAgeDays} must be 1-{config.Lake.BackupsExpireAfterDays - 1} (below lake.backupsExpireAfterDays)");
        check(backup.Engine is "native" or "copy", $"backup.engine = '{backup.Engine}' must be native or copy");
        check(backup.DrillZone.Length == 0 || config.Network.AvailabilityZones.Contains(backup.DrillZone),
            $"backup.drillZone = '{backup.DrillZone}' is not one of network.availabilityZones");
        check(backup.VolumeTag.Length == 0 || VolumeTag().IsMatch(backup.VolumeTag),
            $"backup.volumeTag = '{backup.VolumeTag}' must be key=value (tag key and value without commas or quotes)");
        if (backup.ReplicateTo is { } replica)
        {
            check(EnvName().IsMatch(replica.Env) && replica.Env != config.Env,
                $"backup.replicateTo.env = '{replica.Env}' must name another environment (lowercase letters, digits, dashes)");
            check(RegionName().IsMatch(replica.Region) && replica.Region != config.Region,
                $"backup.replicateTo.region = '{replica.Region}' must be an AWS region other than {config.Region}");
            check(!backup.ReceivesReplica, "backup.replicateTo and backup.receivesReplica cannot both be set: a replica target does not replicate on");
            check(replica.Account.Length == 0 || AccountId().IsMatch(replica.Account),
                $"backup.replicateTo.account = '{replica.Account}' must be a 12-digit AWS account id (or empty for this account)");
        }

        if (backup.ReplicaSource is { } source)
        {
            check(backup.ReceivesReplica, "backup.replicaSource needs backup.receivesReplica = true: only a replica bucket admits another account's replication role");
            check(EnvName().IsMatch(source.Env) && source.Env != config.Env,
                $"backup.replicaSource.env = '{source.Env}' must name another environment (lowercase letters, digits, dashes)");
            check(RegionName().IsMatch(source.Region) && source.Region != config.Region,
                $"backup.replicaSource.region = '{source.Region}' must be an AWS region other than {config.Region}");
            check(AccountId().IsMatch(source.Account), $"backup.replicaSource.account = '{source.Account}' must be a 12-digit AWS account id");
        }
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"^[A-Za-z0-9_.:/+\-@]{1,128}=[A-Za-z0-9_.:/+\-@ ]{1,256}$")]
    private static partial Regex VolumeTag();

    [GeneratedRegex("^[a-z][a-z0-9-]{0,20}$")]
    private static partial Regex EnvName();

    [GeneratedRegex(@"^\d{12}$")]
    private static partial Regex AccountId();

    [GeneratedRegex(@"^[a-z]{2}(-gov)?-[a-z]+-\d$")]
    private static partial Regex RegionName();
}
