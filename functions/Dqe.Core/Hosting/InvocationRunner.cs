using Dqe.Core.Hosting.Telemetry;

namespace Dqe.Core.Hosting;

/// <summary>
/// Runs one handler for one invocation, the same way in Lambda and in <c>dqe invoke</c>: builds the
/// context (JSON log, EMF metrics), turns the deadline into the handler's CancellationToken, and maps
/// every outcome to a <see cref="HandlerResult"/> — a handler exception never escapes.
/// </summary>
public sealed class InvocationRunner
{
    private readonly IFunctionHandler _handler;
    private readonly string _handlerName;
    private readonly string _functionName;
    private readonly JsonLineWriter _output;
    private readonly TimeProvider _time;
    private readonly HostingOptions _options;

    public InvocationRunner(HandlerRegistration registration, HostServices services, JsonLineWriter output, HostingOptions options)
    {
        _handler = registration.Create(services);
        _handlerName = registration.Name;
        _functionName = services.Environment.Get("AWS_LAMBDA_FUNCTION_NAME") ?? "";
        _output = output;
        _time = services.Time;
        _options = options.Validate();
    }

    public async Task<HandlerResult> RunAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        var log = new JsonFunctionLog(_output, _time, new LogScope(_handlerName, request.RequestId, request.TraceId), _options.MinimumLogLevel);
        var metrics = new EmfMetrics(_output, _time, Dimensions());
        var context = new InvocationContext
        {
            RequestId = request.RequestId,
            HandlerName = _handlerName,
            Deadline = request.Deadline,
            FunctionArn = request.FunctionArn,
            FunctionName = _functionName,
            TraceId = request.TraceId,
            Log = log,
            Metrics = metrics,
        };

        var started = _time.GetTimestamp();
        using var deadline = StartDeadline(request.Deadline);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        HandlerResult result;
        try
        {
            var response = await _handler.InvokeAsync(request.Payload, context, linked.Token).ConfigureAwait(false);
            result = HandlerResult.Success(response);
        }
        catch (InvalidRequestException e)
        {
            result = HandlerResult.Failure(ErrorDocument.From(ErrorTypes.InvalidRequest, e.Message));
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            var budget = request.Deadline - _options.DeadlineMargin;
            result = HandlerResult.Failure(ErrorDocument.From(
                ErrorTypes.Timeout, $"{_handlerName} did not finish before its deadline {budget:O} (deadline margin {_options.DeadlineMargin.TotalMilliseconds} ms)"));
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            result = HandlerResult.Failure(ErrorDocument.From(ErrorTypes.ForException(e), e));
        }

        var elapsed = _time.GetElapsedTime(started);
        Record(metrics, result, elapsed);
        if (result.Error is { } error)
        {
            log.Error($"invocation failed after {elapsed.TotalMilliseconds:F1} ms: {error.ErrorType}: {error.ErrorMessage}");
        }
        else
        {
            log.Info($"invocation succeeded in {elapsed.TotalMilliseconds:F1} ms");
        }

        return result;
    }

    // A deadline already inside the margin cancels at once rather than handing the handler a budget it cannot meet.
    private CancellationTokenSource StartDeadline(DateTimeOffset deadline)
    {
        var budget = deadline - _options.DeadlineMargin - _time.GetUtcNow();
        if (budget > TimeSpan.Zero)
        {
            return new CancellationTokenSource(budget, _time);
        }

        var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        return cancelled;
    }

    private IEnumerable<KeyValuePair<string, string>> Dimensions()
    {
        yield return new("Handler", _handlerName);
        foreach (var dimension in _options.Dimensions)
        {
            yield return dimension;
        }
    }

    private static void Record(EmfMetrics metrics, HandlerResult result, TimeSpan elapsed)
    {
        metrics.Add("Invocations", 1, MetricUnit.Count);
        metrics.Add("Errors", result.Succeeded ? 0 : 1, MetricUnit.Count);
        metrics.Add("Duration", Math.Round(elapsed.TotalMilliseconds, 3), MetricUnit.Milliseconds);
        metrics.Flush();
    }
}
