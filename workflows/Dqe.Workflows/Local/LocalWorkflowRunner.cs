using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dqe.Workflows.Local;

/// <summary>
/// Executes a synthesized state machine definition with aws-local-stepfunctions (in node) and answers its
/// Task states through an <see cref="ITaskRouter"/>, streaming the execution's events as they happen.
/// </summary>
public sealed class LocalWorkflowRunner(NodeTooling tooling)
{
    public async Task<WorkflowRunResult> RunAsync(LocalWorkflow workflow, JsonNode? input, ITaskRouter router,
        LocalRunOptions options, Action<WorkflowEvent>? onEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        ArgumentNullException.ThrowIfNull(router);
        options = (options ?? new LocalRunOptions()).Validate();
        var requestFile = Path.Combine(Path.GetTempPath(), $"dqe-sfn-{Guid.NewGuid():N}.json");
        var request = new JsonObject
        {
            ["definition"] = workflow.Definition.DeepClone(),
            ["input"] = input?.DeepClone() ?? new JsonObject(),
            ["taskStates"] = new JsonArray([.. workflow.Tasks.Keys.Select(k => (JsonNode)k)]),
            ["waitStates"] = new JsonArray([.. workflow.WaitStates.Select(k => (JsonNode)k)]),
            ["waitMs"] = options.WaitMilliseconds,
            ["retryMs"] = options.RetryMilliseconds,
            ["context"] = new JsonObject
            {
                ["Execution"] = new JsonObject
                {
                    ["Id"] = $"arn:aws:states:local:{AslExtractor.PlaceholderAccount}:execution:{workflow.Name}:{Guid.NewGuid():N}",
                    ["Name"] = "local",
                    ["Input"] = input?.DeepClone() ?? new JsonObject(),
                    ["StartTime"] = DateTimeOffset.UtcNow.ToString("O"),
                },
                ["StateMachine"] = new JsonObject { ["Name"] = workflow.Name },
            },
        };
        await File.WriteAllTextAsync(requestFile, request.ToJsonString(), cancellationToken).ConfigureAwait(false);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        var start = new ProcessStartInfo(tooling.NodeExecutable, [tooling.ScriptPath, tooling.ModuleDirectory, requestFile])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var node = Process.Start(start) ?? throw new InvalidOperationException("could not start node");
        var stderr = node.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            var session = new RunnerSession(workflow, router, node.StandardInput, onEvent);
            var done = await session.PumpAsync(node.StandardOutput, timeout.Token).ConfigureAwait(false);
            return done ?? new WorkflowRunResult("FAILED", null, "Dqe.RunnerError", $"node exited without a result: {await stderr.ConfigureAwait(false)}", session.Events);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new WorkflowRunResult("TIMED_OUT", null, "States.Timeout", $"local run exceeded {options.Timeout}", []);
        }
        finally
        {
            if (!node.HasExited)
            {
                node.Kill(entireProcessTree: true);
            }

            File.Delete(requestFile);
        }
    }
}
