using System.CommandLine;
using Dqe.Cli.Remediation;

namespace Dqe.Cli.Commands;

internal static class RemediateBenchCommand
{
    public static Command Create()
    {
        var requests = new Option<int>("--requests") { Description = "Sequential HTTP webhook posts to time.", DefaultValueFactory = _ => 2000 };
        var decisions = new Option<int>("--decisions") { Description = "Alerts decided in process to measure throughput.", DefaultValueFactory = _ => 20000 };
        var command = new Command("bench", "Measure webhook accept latency (p50/p99) and decisions/s on this machine (dry-run, loopback).")
        {
            requests, decisions,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (r, d) = (parse.GetValue(requests), parse.GetValue(decisions));
            if (r < 1 || d < 1)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync("dqe: --requests and --decisions must be at least 1").ConfigureAwait(false);
                return 2;
            }

            await parse.InvocationConfiguration.Output.WriteAsync(await RemediationBenchmark.RunAsync(r, d, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
            return 0;
        });
        return command;
    }
}
