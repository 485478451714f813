using System.Globalization;
using Amazon.S3;
using Dqe.Core.Engines;
using Dqe.Core.Hosting;

namespace Dqe.Core.Backup;

/// <summary>
/// Builds the backup service of a deployed function from its environment (set by the CDK AutomationStack):
/// ClickHouse through <see cref="EngineConnections"/> (URL, user's secret, CA), DQE_CLICKHOUSE_CLUSTER (optional), DQE_BACKUP_DATABASES (comma separated),
/// DQE_BACKUPS_BUCKET, DQE_BACKUP_DESTINATION (S3 https URL of the bucket prefix), DQE_BACKUP_PREFIX
/// (default clickhouse), DQE_BACKUP_KEEP_COUNT, DQE_BACKUP_MAX_AGE_DAYS, DQE_BACKUP_ENGINE (native|copy).
/// </summary>
internal static class BackupSetup
{
    public static BackupService Create(HostServices services)
    {
        var env = services.Environment;
        var options = Options(env);
        var sql = new QueryEngineSqlRunner(services.Engines.ClickHouse());
        IBackupEngine engine = env.Get(FunctionVariables.BackupEngine) == "copy" ? new CopyBackupEngine(sql) : new ClickHouseBackupEngine(sql, options.Cluster);
        var store = new S3BackupStore(new AmazonS3Client(), Required(env, FunctionVariables.BackupsBucket), env.Get(FunctionVariables.BackupPrefix) ?? "clickhouse");
        // Built on first export only: the other steps never need the Kubernetes API.
        var topics = new KubernetesTopicSource(services.Kubernetes.Create);
        return new BackupService(options, engine, sql, store, services.Time, topics);
    }

    public static BackupOptions Options(IFunctionEnvironment env)
    {
        var defaults = new BackupOptions(["default"], new Uri("https://unset.invalid"));
        return new BackupOptions(
            [.. Required(env, FunctionVariables.BackupDatabases).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
            new Uri(Required(env, FunctionVariables.BackupDestination)),
            env.Get(FunctionVariables.ClickHouseCluster) is { Length: > 0 } cluster ? cluster : null,
            KeepCount: Number(env, FunctionVariables.BackupKeepCount, defaults.KeepCount),
            MaxAgeDays: Number(env, FunctionVariables.BackupMaxAgeDays, defaults.MaxAgeDays));
    }

    private static string Required(IFunctionEnvironment env, string name) =>
        env.Get(name) is { Length: > 0 } value ? value : throw new InvalidOperationException($"environment variable {name} is not set.");

    private static int Number(IFunctionEnvironment env, string name, int fallback) =>
        env.Get(name) is not { Length: > 0 } text ? fallback
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value
        : throw new InvalidOperationException($"environment variable {name} must be a whole number, got '{text}'.");
}
