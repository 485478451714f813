using Amazon.S3;
using Dqe.Core.Engines;
using Dqe.Core.Hosting;

namespace Dqe.Core.Recovery;

/// <summary>
/// Builds the drill service of a deployed function from its environment: the engines through
/// <see cref="EngineConnections"/> (URLs, users' secrets, CA), DQE_NAMESPACE (default dqe), DQE_DR_ZONE (az-loss),
/// DQE_REPORTS_BUCKET. Objectives use the documented defaults.
/// </summary>
internal static class DrillSetup
{
    public static (DrillService, IReportSink) Create(HostServices services)
    {
        var env = services.Environment;
        var engines = services.Engines;
        var clickHouse = engines.ClickHouse();
        var trino = engines.Trino(o => o with { Source = "dqe-dr-drill" });
        var options = new DrillOptions(Namespace: env.Get(FunctionVariables.DrillNamespace) ?? "dqe", Zone: env.Get(FunctionVariables.DrillZone) ?? "");
        var sql = new QueryEngineSqlRunner(clickHouse);
        var service = new DrillService(options, new KubernetesDrillActions(services.Kubernetes.Create()), new QueryCanary(clickHouse, trino),
            new HeartbeatTable(sql), services.Time, new Restore.RestoredDatabases(sql));
        return (service, new S3ReportSink(new AmazonS3Client(), Required(env, FunctionVariables.ReportsBucket)));
    }

    private static string Required(IFunctionEnvironment env, string name) =>
        env.Get(name) is { Length: > 0 } value ? value : throw new InvalidOperationException($"environment variable {name} is not set.");
}
