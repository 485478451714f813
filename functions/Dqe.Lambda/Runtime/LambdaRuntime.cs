using Dqe.Core.Hosting;
using Dqe.Core.Hosting.Telemetry;

namespace Dqe.Lambda.Runtime;

/// <summary>
/// The Runtime API loop: take the next event, run the handler through <see cref="InvocationRunner"/>,
/// post its response or error document, repeat. A handler failure is one error post, never the end of
/// the loop; only an unusable Runtime API (or cancellation) ends it.
/// </summary>
internal sealed class LambdaRuntime
{
    public const string TraceVariable = "_X_AMZN_TRACE_ID";
    private readonly IRuntimeApi _api;
    private readonly InvocationRunner _runner;
    private readonly IFunctionEnvironment _environment;
    private readonly JsonFunctionLog _log;

    public LambdaRuntime(IRuntimeApi api, InvocationRunner runner, IFunctionEnvironment environment, JsonFunctionLog log)
    {
        _api = api;
        _runner = runner;
        _environment = environment;
        _log = log;
    }

    /// <summary>Serves invocations until cancelled, or until <paramref name="maxInvocations"/> when given.</summary>
    public async Task RunAsync(int? maxInvocations, CancellationToken cancellationToken)
    {
        for (var served = 0; maxInvocations is null || served < maxInvocations; served++)
        {
            var invocation = await _api.NextAsync(cancellationToken).ConfigureAwait(false);
            _environment.Set(TraceVariable, invocation.TraceId.Length > 0 ? invocation.TraceId : null);
            var result = await _runner.RunAsync(
                new InvocationRequest(invocation.RequestId, invocation.Deadline, invocation.Payload, invocation.FunctionArn, invocation.TraceId),
                cancellationToken).ConfigureAwait(false);
            await PostAsync(invocation.RequestId, result, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task PostAsync(string requestId, HandlerResult result, CancellationToken cancellationToken)
    {
        if (result.Error is { } error)
        {
            await _api.PostErrorAsync(requestId, error, cancellationToken).ConfigureAwait(false);
            return;
        }

        try
        {
            await _api.PostResponseAsync(requestId, result.Response!, cancellationToken).ConfigureAwait(false);
        }
        catch (RuntimeApiException e)
        {
            // Lambda refuses some responses (e.g. over the 6 MB payload limit); the caller still needs an answer.
            _log.Error($"response for {requestId} was refused: {e.Message}");
            await _api.PostErrorAsync(requestId, ErrorDocument.From(ErrorTypes.FunctionPrefix + "ResponseRejected", e.Message), cancellationToken).ConfigureAwait(false);
        }
    }
}
