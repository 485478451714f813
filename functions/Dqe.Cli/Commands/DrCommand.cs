using System.CommandLine;
using System.Globalization;
using Dqe.Core.Engines;
using Dqe.Core.Engines.ClickHouse;
using Dqe.Core.Engines.Trino;
using Dqe.Core.Backup;
using Dqe.Core.Recovery;
using Dqe.Core.Recovery.Restore;
using k8s;

namespace Dqe.Cli.Commands;

/// <summary>
/// <c>dqe dr drill SCENARIO [--dry-run]</c>: a DR drill from a laptop (kubeconfig context, engine URLs), printing
/// the timeline as it happens and writing report.json/report.html; --dry-run validates and prints the plan only.
/// </summary>
internal static class DrCommand
{
    public static Command Create()
    {
        var scenario = new Argument<string>("scenario") { Description = $"One of: {string.Join(", ", DrScenarios.ByName.Keys)}." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Validate and print what the drill would do; touch nothing." };
        var zone = new Option<string>("--zone") { Description = "Availability zone to cordon (az-loss).", DefaultValueFactory = _ => "" };
        var ns = new Option<string>("--namespace") { Description = "Namespace of the engines.", DefaultValueFactory = _ => "dqe" };
        var clickHouse = new Option<string?>("--clickhouse") { Description = "ClickHouse HTTP URL (live drills)." };
        var trino = new Option<string?>("--trino") { Description = "Trino URL (live drills)." };
        var reports = new Option<string>("--report-dir") { Description = "Where report.json/report.html go.", DefaultValueFactory = _ => "reports" };
        var store = new Option<string?>("--store") { Description = "region-restore: directory of the replicated manifests (ID/manifest.json, ID/extras/)." };
        var source = new Option<string?>("--source") { Description = "region-restore: https S3 URL of the replicated backups' prefix, as ClickHouse reads it." };
        var engine = new Option<string>("--engine") { Description = "region-restore: native (RESTORE, ClickHouse >= 22.8) or copy (older servers).", DefaultValueFactory = _ => "native" };
        var drill = new Command("drill", "Run a DR drill: fault, measure RTO/RPO against objectives, fail back, report.") { scenario, dryRun, zone, ns, clickHouse, trino, reports, store, source, engine };
        drill.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            try
            {
                var which = DrScenarios.Parse(parse.GetValue(scenario));
                var options = new DrillOptions(Namespace: parse.GetRequiredValue(ns), Zone: parse.GetRequiredValue(zone));
                var plan = DrillPlan.Steps(options, which);
                if (parse.GetValue(dryRun))
                {
                    output.WriteLine($"dry run of {DrScenarios.NameOf(which)}; nothing is changed. The drill would:");
                    foreach (var (step, i) in plan.Select((s, i) => (s, i)))
                    {
                        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {i + 1}. {step}"));
                    }

                    return 0;
                }

                using var http = new HttpClient();
                var ch = new ClickHouseClient(new ClickHouseClientOptions { Server = Required(parse.GetValue(clickHouse), "--clickhouse") }, http, TimeProvider.System);
                var tr = new TrinoClient(new TrinoClientOptions { Server = Required(parse.GetValue(trino), "--trino") }, http, TimeProvider.System);
                var restore = which == DrScenario.RegionRestore ? RegionRestore(parse.GetValue(store), parse.GetValue(source), parse.GetRequiredValue(engine)) : null;
                using var kubernetes = new k8s.Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile());
                var sql = new QueryEngineSqlRunner(ch);
                var service = new DrillService(options, new KubernetesDrillActions(kubernetes), new QueryCanary(ch, tr), new HeartbeatTable(sql), TimeProvider.System, new RestoredDatabases(sql));
                var runner = new DrillRunner(service, TimeProvider.System, TimeSpan.FromSeconds(options.HeartbeatIntervalSeconds), TimeSpan.FromSeconds(10),
                    restore?.Invoke(sql, kubernetes));
                var record = await runner.RunAsync(which, e => error.WriteLine($"{e.At:HH:mm:ss} {e.Kind,-14} {e.Detail}"), cancellationToken);
                await DrillReport.WriteAsync(record, new DirectoryReportSink(parse.GetRequiredValue(reports)), CancellationToken.None);
                var passed = record.Result?.Passed == true && record.FailBackVerified == true;
                output.WriteLine($"{record.RunId}\t{(passed ? "PASS" : "FAIL")}\t{Path.Combine(parse.GetRequiredValue(reports), DrillReport.Folder(record))}");
                return passed ? 0 : 1;
            }
            catch (ArgumentException e)
            {
                error.WriteLine($"dqe dr drill: {e.Message}");
                return 2;
            }
            catch (InvalidOperationException e)
            {
                error.WriteLine($"dqe dr drill: {e.Message}");
                return 1;
            }
        });
        return new Command("dr", "Disaster-recovery drills.") { drill };
    }

    /// <summary>Checked before anything is touched; the service itself is built once the engine and cluster clients exist.</summary>
    private static Func<ISqlRunner, IKubernetes, RegionRestoreService> RegionRestore(string? store, string? source, string engine)
    {
        var root = store is { Length: > 0 } && Directory.Exists(store) ? store : throw new ArgumentException($"--store: region-restore needs the directory of the replicated manifests, got '{store}'.");
        var options = new RegionRestoreOptions(Required(source, "--source"));
        options.Validate();
        if (engine is not ("native" or "copy"))
        {
            throw new ArgumentException($"--engine must be native or copy, got '{engine}'.");
        }

        return (sql, kubernetes) => new RegionRestoreService(options, engine == "copy" ? new CopyBackupEngine(sql) : new ClickHouseBackupEngine(sql, null), sql,
            new LocalBackupStore(root), new KubernetesTopicApplier(() => kubernetes), TimeProvider.System);
    }

    private static Uri Required(string? url, string option) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri : throw new ArgumentException($"{option}: an absolute URL is required for a live drill, got '{url}'.");
}
