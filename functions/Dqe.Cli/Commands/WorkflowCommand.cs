using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dqe.Cli.Hosting;
using Dqe.Cli.Workflows;
using Dqe.Core.Hosting;
using Dqe.Workflows;
using Dqe.Workflows.Local;
using Dqe.Workflows.Local.Fakes;

namespace Dqe.Cli.Commands;

internal static class WorkflowCommand
{
    public static Command Create() => new("workflow", "List the Dqe workflows and run their synthesized definitions locally.")
    {
        List(),
        Run(),
    };

    private static Command List()
    {
        var command = new Command("list", "List the workflows the CDK app deploys.");
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            foreach (var workflow in WorkflowCatalog.All)
            {
                output.WriteLine($"{workflow.Name,-14} {workflow.Type,-9} timeout {workflow.Timeout,-10} handlers: {string.Join(", ", workflow.Handlers)}");
                output.WriteLine($"{"",14} {workflow.Description}");
            }

            output.WriteLine($"{WorkflowCatalog.All.Count} workflow(s)");
            return 0;
        });
        return command;
    }

    private static Command Run()
    {
        var name = new Argument<string>("name") { Description = "Workflow name (see 'dqe workflow list')." };
        var input = new Option<FileInfo?>("--input") { Description = "Execution input JSON file (default {})." };
        var env = new Option<string>("--env") { Description = "Environment whose synthesized definition to run.", DefaultValueFactory = _ => "dev" };
        var assembly = new Option<DirectoryInfo>("--assembly") { Description = "Cloud assembly from 'npx cdk synth'.", DefaultValueFactory = _ => new DirectoryInfo("cdk.out") };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print each Task state and what answers it; run nothing." };
        var failAt = new Option<string?>("--fail-at") { Description = "Inject a failure into this Task state to watch the failure path." };
        var waitMs = new Option<int>("--wait-ms") { Description = "Wait states last this long (ms); -1 keeps the defined waits.", DefaultValueFactory = _ => 0 };
        var reportsDir = new Option<DirectoryInfo?>("--reports-dir") { Description = "Bench handlers keep runs and reports in this directory instead of the reports bucket (DQE_REPORTS_DIR)." };
        var command = new Command("run", "Run a workflow's synthesized definition locally; Lambda tasks run the real handlers in-process, AWS API tasks hit local fakes.")
        {
            name, input, env, assembly, dryRun, failAt, waitMs, reportsDir,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            LocalWorkflow workflow;
            JsonNode? executionInput;
            NodeTooling tooling;
            try
            {
                tooling = NodeTooling.Discover();
                workflow = AssemblyWorkflows.Find(parse.GetRequiredValue(assembly).FullName, parse.GetRequiredValue(env), parse.GetRequiredValue(name));
                executionInput = parse.GetValue(input) is { } file ? JsonNode.Parse(await File.ReadAllTextAsync(file.FullName, cancellationToken).ConfigureAwait(false)) : new JsonObject();
            }
            catch (Exception e) when (e is IOException or JsonException or InvalidOperationException or KeyNotFoundException)
            {
                await error.WriteLineAsync($"dqe: {e.Message}").ConfigureAwait(false);
                return 2;
            }

            if (parse.GetValue(failAt) is { } state && !workflow.Tasks.ContainsKey(state))
            {
                await error.WriteLineAsync($"dqe: --fail-at '{state}' is not a Task state of {workflow.Name}; Task states: {string.Join(", ", workflow.Tasks.Keys)}").ConfigureAwait(false);
                return 2;
            }

            if (parse.GetValue(dryRun))
            {
                foreach (var (task, target) in workflow.Tasks)
                {
                    var route = target.Handler is { } h ? $"handler {h}{(HandlerRegistry.Find(h) is null ? " (NOT REGISTERED)" : "")}" : $"fake {target.SdkService}:{target.SdkAction}";
                    await output.WriteLineAsync($"{task,-32} {route}").ConfigureAwait(false);
                }

                return 0;
            }

            var handlerEnvironment = new Dictionary<string, string>(StringComparer.Ordinal);
            if (parse.GetValue(reportsDir) is { } reports)
            {
                handlerEnvironment["DQE_REPORTS_DIR"] = reports.FullName;
            }

            var handlers = new HandlerTaskRouter(new LocalInvoker(LocalHost.Services(handlerEnvironment), TextWriter.Null, new HostingOptions()), TimeSpan.FromMinutes(5));
            ITaskRouter router = new TaskRouter(handlers, new AwsApiFake(TimeProvider.System));
            if (parse.GetValue(failAt) is { } injected)
            {
                router = new FailureInjector(router, injected);
            }

            var wait = parse.GetValue(waitMs);
            await error.WriteLineAsync($"running {workflow.Name} locally").ConfigureAwait(false);
            var result = await new LocalWorkflowRunner(tooling).RunAsync(workflow, executionInput, router,
                new LocalRunOptions { WaitMilliseconds = wait < 0 ? null : wait }, new TransitionPrinter(error).OnEvent, cancellationToken).ConfigureAwait(false);
            await error.WriteLineAsync($"{result.Status} after {result.Transitions} transitions{(result.Error is null ? "" : $": {result.Error}: {result.Cause}")}").ConfigureAwait(false);
            if (TransitionBudgets.Find(parse.GetRequiredValue(name)) is { } budget)
            {
                await error.WriteLineAsync(budget.Overrun(parse.GetRequiredValue(name), result)
                    ?? $"within the {(result.Succeeded ? "happy-path" : "failure-path")} transition budget: {result.Transitions} of {budget.Allowed(result)}").ConfigureAwait(false);
            }

            await output.WriteLineAsync(result.Output?.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) ?? "null").ConfigureAwait(false);
            return result.Succeeded ? 0 : 1;
        });
        return command;
    }
}
