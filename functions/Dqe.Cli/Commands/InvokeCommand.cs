using System.CommandLine;
using System.Text;
using System.Text.Json;
using Dqe.Cli.Hosting;
using Dqe.Core.Hosting;

namespace Dqe.Cli.Commands;

internal static class InvokeCommand
{
    public static Command Create()
    {
        var handler = new Argument<string>("handler") { Description = "Handler name, as in _HANDLER (see 'dqe handlers')." };
        var eventFile = new Option<FileInfo?>("--event") { Description = "Event JSON file ('-' for stdin). Default: stdin when piped, else {}." };
        var timeout = new Option<int>("--timeout") { Description = "Seconds until the local deadline.", DefaultValueFactory = _ => 30 };
        var command = new Command("invoke", "Run a handler in-process with a local context and print its result JSON (logs and metrics go to stderr).")
        {
            handler, eventFile, timeout,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var seconds = parse.GetValue(timeout);
            if (seconds <= 0)
            {
                await error.WriteLineAsync($"dqe: --timeout must be a positive number of seconds, got {seconds}").ConfigureAwait(false);
                return 2;
            }

            byte[] payload;
            try
            {
                payload = await ReadEventAsync(parse.GetValue(eventFile), cancellationToken).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                await error.WriteLineAsync($"dqe: cannot read the event: {e.Message}").ConfigureAwait(false);
                return 2;
            }

            var name = parse.GetRequiredValue(handler);
            var result = await new LocalInvoker(LocalHost.Services(), error, new HostingOptions())
                .InvokeAsync(name, payload, TimeSpan.FromSeconds(seconds), cancellationToken).ConfigureAwait(false);
            if (result is null)
            {
                await error.WriteLineAsync($"dqe: no handler '{name}'; known: {string.Join(", ", HandlerRegistry.All.Select(h => h.Name))}").ConfigureAwait(false);
                return 2;
            }

            await output.WriteLineAsync(result.Error is { } failure
                ? JsonSerializer.Serialize(failure, HostingJsonContext.Readable.ErrorDocument)
                : Encoding.UTF8.GetString(result.Response!)).ConfigureAwait(false);
            return result.Succeeded ? 0 : 1;
        });
        return command;
    }

    private static async Task<byte[]> ReadEventAsync(FileInfo? file, CancellationToken cancellationToken)
    {
        if (file is not null && file.Name != "-")
        {
            return await File.ReadAllBytesAsync(file.FullName, cancellationToken).ConfigureAwait(false);
        }

        if (file is null && !Console.IsInputRedirected)
        {
            return "{}"u8.ToArray();
        }

        using var stdin = Console.OpenStandardInput();
        using var buffer = new MemoryStream();
        await stdin.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return buffer.ToArray();
    }
}
