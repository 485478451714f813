using System.Text;
using System.Text.Json.Nodes;
using Dqe.Core.Hosting;
using Dqe.Workflows.Local;

namespace Dqe.Cli.Workflows;

/// <summary>
/// Answers Lambda Task states with the real Dqe handlers, in-process, exactly as the bootstrap would run
/// them: a handler's error document becomes the task error (errorType is what Retry/Catch match).
/// </summary>
internal sealed class HandlerTaskRouter(LocalInvoker invoker, TimeSpan timeout) : ITaskRouter
{
    public async Task<TaskOutcome> InvokeAsync(TaskCall call, CancellationToken cancellationToken)
    {
        if (call.Target.Handler is not { } handler)
        {
            return TaskOutcome.Failure("Lambda.ResourceNotFoundException", $"state '{call.State}' calls {call.Target.Resource}, which is no Dqe function");
        }

        var wrapped = call.Target.Kind == TaskKind.LambdaInvokeIntegration;
        var payload = wrapped ? call.Input?["Payload"] : call.Input;
        var result = await invoker.InvokeAsync(handler, Encoding.UTF8.GetBytes(payload?.ToJsonString() ?? "{}"), timeout, cancellationToken).ConfigureAwait(false);
        if (result is null)
        {
            return TaskOutcome.Failure("Lambda.ResourceNotFoundException", $"no handler '{handler}' is registered (state '{call.State}')");
        }

        if (result.Error is { } error)
        {
            return TaskOutcome.Failure(error.ErrorType, error.ErrorMessage);
        }

        var output = JsonNode.Parse(result.Response!);
        // The lambda:invoke integration wraps the response like the Lambda Invoke API does.
        return TaskOutcome.Success(wrapped ? new JsonObject { ["Payload"] = output, ["StatusCode"] = 200 } : output);
    }
}
