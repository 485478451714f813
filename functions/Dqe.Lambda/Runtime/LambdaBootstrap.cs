using Dqe.Core.Hosting;
using Dqe.Core.Hosting.Telemetry;

namespace Dqe.Lambda.Runtime;

/// <summary>
/// Start-up of the <c>bootstrap</c> process: read settings, pick the handler named by <c>_HANDLER</c> from
/// <see cref="HandlerRegistry"/>, build it, then run the loop. Anything that fails before the first
/// <c>/next</c> is posted to <c>/runtime/init/error</c> and the process exits with <see cref="InitFailedExitCode"/>.
/// </summary>
internal static class LambdaBootstrap
{
    public const int InitFailedExitCode = 1;
    public const int RuntimeApiFailedExitCode = 2;

    public static async Task<int> RunAsync(IFunctionEnvironment environment, TextWriter output, TimeProvider time, int? maxInvocations, CancellationToken cancellationToken)
    {
        var writer = new JsonLineWriter(output);
        var log = new JsonFunctionLog(writer, time, new LogScope(environment.Get(RuntimeSettings.HandlerVariable) ?? "bootstrap"));
        var runtimeApi = environment.Get(RuntimeSettings.RuntimeApiVariable);
        RuntimeSettings settings;
        InvocationRunner runner;
        try
        {
            settings = RuntimeSettings.FromEnvironment(environment);
            var registration = HandlerRegistry.Find(settings.Handler) ?? throw new RuntimeConfigException(
                ErrorTypes.UnknownHandler,
                $"_HANDLER '{settings.Handler}' is not a Dqe handler; known: {string.Join(", ", HandlerRegistry.All.Select(h => h.Name))}");
            var services = HostServices.ForEnvironment(environment, time);
            runner = CreateRunner(registration, services, writer, settings.Hosting);
        }
        catch (RuntimeConfigException e)
        {
            return await FailInitAsync(runtimeApi, log, ErrorDocument.From(e.ErrorType, e.Message), cancellationToken).ConfigureAwait(false);
        }

        using var api = new RuntimeApiClient(settings.RuntimeApi);
        try
        {
            await new LambdaRuntime(api, runner, environment, log).RunAsync(maxInvocations, cancellationToken).ConfigureAwait(false);
            return 0;
        }
        catch (RuntimeApiException e)
        {
            log.Error($"stopping: {e.Message}");
            return RuntimeApiFailedExitCode;
        }
    }

    private static InvocationRunner CreateRunner(HandlerRegistration registration, HostServices services, JsonLineWriter writer, HostingOptions options)
    {
        try
        {
            return new InvocationRunner(registration, services, writer, options);
        }
        catch (Exception e)
        {
            // Whatever a handler's constructor throws, Lambda must hear about it as an init error.
            throw new RuntimeConfigException(ErrorTypes.InvalidConfig, $"handler {registration.Name} could not start: {e.Message}");
        }
    }

    private static async Task<int> FailInitAsync(string? runtimeApi, JsonFunctionLog log, ErrorDocument error, CancellationToken cancellationToken)
    {
        log.Error($"init failed: {error.ErrorType}: {error.ErrorMessage}");
        if (string.IsNullOrWhiteSpace(runtimeApi))
        {
            return InitFailedExitCode;
        }

        using var api = new RuntimeApiClient(runtimeApi);
        try
        {
            await api.PostInitErrorAsync(error, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RuntimeApiException or UriFormatException)
        {
            log.Error($"could not report the init error: {e.Message}");
        }

        return InitFailedExitCode;
    }
}
