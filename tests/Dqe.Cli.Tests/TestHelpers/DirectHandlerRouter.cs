using System.Text;
using System.Text.Json.Nodes;
using Dqe.Core.Hosting;
using Dqe.Core.Hosting.Telemetry;
using Dqe.Workflows.Local;

namespace Dqe.Cli.Tests.TestHelpers;

/// <summary>
/// Runs Lambda tasks on handler instances built by the test (real handler classes over test services), mapping a
/// thrown exception to the error name Lambda would report (the exception type), as the bootstrap does.
/// </summary>
internal sealed class DirectHandlerRouter(IReadOnlyDictionary<string, IFunctionHandler> handlers, TimeProvider time) : ITaskRouter
{
    public async Task<TaskOutcome> InvokeAsync(TaskCall call, CancellationToken cancellationToken)
    {
        if (call.Target.Handler is not { } name || !handlers.TryGetValue(name, out var handler))
        {
            return TaskOutcome.Failure("Lambda.ResourceNotFoundException", $"state '{call.State}' calls {call.Target.Resource}, which this test did not build");
        }

        var wrapped = call.Target.Kind == TaskKind.LambdaInvokeIntegration;
        var payload = (wrapped ? call.Input?["Payload"] : call.Input)?.ToJsonString() ?? "{}";
        var context = new InvocationContext
        {
            RequestId = Guid.NewGuid().ToString("n"), HandlerName = name, Deadline = time.GetUtcNow().AddMinutes(5),
            Log = new Discard(), Metrics = new Discard(),
        };
        try
        {
            var output = JsonNode.Parse(await handler.InvokeAsync(Encoding.UTF8.GetBytes(payload), context, cancellationToken).ConfigureAwait(false));
            return TaskOutcome.Success(wrapped ? new JsonObject { ["Payload"] = output, ["StatusCode"] = 200 } : output);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return TaskOutcome.Failure(e.GetType().Name, e.Message);
        }
    }

    private sealed class Discard : IFunctionLog, IMetrics
    {
        public void Write(LogLevel level, string message)
        {
            // Logs are not under test in workflow runs.
        }

        public void Add(string name, double value, MetricUnit unit)
        {
            // Metrics are not under test in workflow runs.
        }

        public void SetDimension(string name, string value)
        {
            // Metrics are not under test in workflow runs.
        }
    }
}
