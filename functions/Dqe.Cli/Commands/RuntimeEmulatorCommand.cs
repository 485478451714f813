using System.CommandLine;
using Dqe.Core.Hosting.Emulator;

namespace Dqe.Cli.Commands;

internal static class RuntimeEmulatorCommand
{
    public static Command Create()
    {
        var eventFile = new Option<FileInfo?>("--event") { Description = "Event JSON file to serve (default {})." };
        var count = new Option<int>("--count") { Description = "How many times to serve the event before exiting.", DefaultValueFactory = _ => 1 };
        var timeout = new Option<int>("--timeout") { Description = "Seconds from hand-out to each event's deadline.", DefaultValueFactory = _ => 30 };
        var command = new Command("runtime-emulator", "Serve events on a local Lambda Runtime API for a bootstrap started by hand; print what it answers.")
        {
            eventFile, count, timeout,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var times = parse.GetValue(count);
            var seconds = parse.GetValue(timeout);
            if (times < 1 || seconds < 1)
            {
                await error.WriteLineAsync("dqe: --count and --timeout must be at least 1").ConfigureAwait(false);
                return 2;
            }

            byte[] payload;
            try
            {
                payload = parse.GetValue(eventFile) is { } file ? await File.ReadAllBytesAsync(file.FullName, cancellationToken).ConfigureAwait(false) : "{}"u8.ToArray();
            }
            catch (IOException e)
            {
                await error.WriteLineAsync($"dqe: cannot read the event: {e.Message}").ConfigureAwait(false);
                return 2;
            }

            await using var emulator = RuntimeApiEmulator.Start(TimeProvider.System, TimeSpan.FromSeconds(seconds));
            await error.WriteLineAsync($"AWS_LAMBDA_RUNTIME_API={emulator.Address}  (start a bootstrap with it and _HANDLER=<name>)").ConfigureAwait(false);
            var failed = false;
            for (var i = 0; i < times; i++)
            {
                var invocation = emulator.InvokeAsync(new EmulatedInvocation(payload), cancellationToken);
                var finished = await Task.WhenAny(invocation, emulator.InitError).ConfigureAwait(false);
                var outcome = await finished.ConfigureAwait(false);
                await output.WriteLineAsync($"{outcome.Kind} {outcome.RequestId} {outcome.ErrorType ?? "-"} {outcome.BodyText}").ConfigureAwait(false);
                failed |= outcome.Kind != EmulatedOutcomeKind.Response;
                if (outcome.Kind == EmulatedOutcomeKind.InitError)
                {
                    return 1;
                }
            }

            return failed ? 1 : 0;
        });
        return command;
    }
}
