using System.CommandLine;
using System.Globalization;
using Dqe.Core.Engines;
using Dqe.Core.Engines.ClickHouse;
using Dqe.Core.Engines.Trino;
using Dqe.Core.Recovery;
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
        var drill = new Command("drill", "Run a DR drill: fault, measure RTO/RPO against objectives, fail back, report.") { scenario, dryRun, zone, ns, clickHouse, trino, reports };
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
                using var kubernetes = new k8s.Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile());
                var service = new DrillService(options, new KubernetesDrillActions(kubernetes), new QueryCanary(ch, tr), new HeartbeatTable(new QueryEngineSqlRunner(ch)), TimeProvider.System);
                var runner = new DrillRunner(service, TimeProvider.System, TimeSpan.FromSeconds(options.HeartbeatIntervalSeconds), TimeSpan.FromSeconds(10));
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

    private static Uri Required(string? url, string option) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri : throw new ArgumentException($"{option}: an absolute URL is required for a live drill, got '{url}'.");
}
