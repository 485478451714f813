using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Dqe.Core.Backup;

/// <summary>The statements the native engine issues; everything interpolated here was validated (identifiers, ids, URLs without quotes).</summary>
internal static partial class BackupSql
{
    public static string Backup(BackupPlan plan, string? cluster, string location, string? baseLocation)
    {
        var sql = new StringBuilder("BACKUP ");
        sql.AppendJoin(", ", plan.Databases.Select(d => $"DATABASE `{d}`"));
        AppendCluster(sql, cluster);
        sql.Append(CultureInfo.InvariantCulture, $" TO S3('{location}') SETTINGS id = '{plan.Id}'");
        if (baseLocation is not null)
        {
            sql.Append(CultureInfo.InvariantCulture, $", base_backup = S3('{baseLocation}')");
        }

        return sql.Append(" ASYNC").ToString();
    }

    public static string Restore(string operationId, string? cluster, string location, IReadOnlyDictionary<string, string> targets, string? baseLocation = null)
    {
        var sql = new StringBuilder("RESTORE ");
        sql.AppendJoin(", ", targets.Select(p => $"DATABASE `{p.Key}` AS `{p.Value}`"));
        AppendCluster(sql, cluster);
        sql.Append(CultureInfo.InvariantCulture, $" FROM S3('{location}') SETTINGS id = '{operationId}'");
        if (baseLocation is not null)
        {
            // The base recorded inside an incremental names the primary's bucket; a region restore points it at the replica.
            sql.Append(CultureInfo.InvariantCulture, $", base_backup = S3('{baseLocation}')");
        }

        return sql.Append(" ASYNC").ToString();
    }

    /// <summary>One row per node that knows the operation (every replica with ON CLUSTER).</summary>
    public static string Status(string operationId, string? cluster) =>
        $"SELECT status, error, total_size, num_files FROM {(cluster is null ? "system.backups" : $"clusterAllReplicas('{cluster}', system.backups)")} WHERE id = '{RequireId(operationId)}'";

    public static string RequireId(string id) =>
        id is not null && OperationId().IsMatch(id) ? id : throw new ArgumentException($"operation id '{id}' must match {OperationId()}.", nameof(id));

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,100}$")]
    internal static partial Regex OperationId();

    private static void AppendCluster(StringBuilder sql, string? cluster)
    {
        if (cluster is not null)
        {
            sql.Append(CultureInfo.InvariantCulture, $" ON CLUSTER `{cluster}`");
        }
    }
}
