using System.CommandLine;
using Dqe.Core.Hosting.Emulator;

namespace Dqe.Cli.Commands;

internal static class BenchHostCommand
{
    public static Command Create()
    {
        var aot = new Option<FileInfo>("--aot") { Description = "The Native AOT bootstrap binary.", Required = true };
        var jit = new Option<FileInfo>("--jit") { Description = "The JIT build's bootstrap.dll (run with dotnet).", Required = true };
        var runs = new Option<int>("--runs") { Description = "Cold starts per build.", DefaultValueFactory = _ => 5 };
        var warm = new Option<int>("--warm") { Description = "Invocations after each cold start, before reading RSS.", DefaultValueFactory = _ => 20 };
        var command = new Command("bench-host", "Cold start and peak RSS of the AOT bootstrap vs the same handlers run JIT, against the local Runtime API emulator.")
        {
            aot, jit, runs, warm,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var aotFile = parse.GetRequiredValue(aot);
            var jitFile = parse.GetRequiredValue(jit);
            foreach (var file in new[] { aotFile, jitFile })
            {
                if (!file.Exists)
                {
                    await error.WriteLineAsync($"dqe: {file.FullName} does not exist (scripts/bench-host.sh builds both)").ConfigureAwait(false);
                    return 2;
                }
            }

            try
            {
                var benchmark = new HostBenchmark(TimeProvider.System, new HostBenchmarkOptions { Runs = parse.GetValue(runs), WarmInvocations = parse.GetValue(warm) });
                var aotResult = await benchmark.MeasureAsync("AOT", HostCommand.Native(aotFile.FullName), cancellationToken).ConfigureAwait(false);
                var jitResult = await benchmark.MeasureAsync("JIT", HostCommand.Jit(jitFile.FullName), cancellationToken).ConfigureAwait(false);
                await output.WriteAsync(HostBenchmark.Report(aotResult, jitResult)).ConfigureAwait(false);
                return 0;
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                await error.WriteLineAsync($"dqe: {e.Message}").ConfigureAwait(false);
                return 1;
            }
        });
        return command;
    }
}
