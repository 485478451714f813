using Amazon.CDK;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using Dqe.Cli.Workflows;
using Dqe.Workflows.Building;
using Dqe.Workflows.Local;

namespace Dqe.Cli.Tests.TestHelpers;

/// <summary>
/// Synthesizes one workflow into a cloud assembly the way the CDK app does (a function per handler whose
/// Handler is the handler name, the DqeStateMachine construct), for `dqe workflow run --assembly`.
/// </summary>
internal static class WorkflowAssembly
{
    public const string Env = "test";

    // The jsii runtime behind CDK is not safe for concurrent use: test classes run in parallel, so synths take turns.
    private static readonly Lock SynthGate = new();

    /// <summary>The cloud assembly directory (manifest.json + template) holding dqe-test-NAME.</summary>
    public static string Synthesize(IWorkflow workflow)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        lock (SynthGate)
        {
            var outdir = Directory.CreateTempSubdirectory("dqe-assembly-").FullName;
            var app = new App(new AppProps { Outdir = outdir });
            var stack = new Stack(app, $"Dqe-{Env}-Automation", new StackProps { Env = new Amazon.CDK.Environment { Region = "eu-west-1", Account = "111111111111" } });
            var code = Code.FromAsset(Directory.CreateTempSubdirectory("dqe-fn-").FullName);
            var functions = workflow.Handlers.ToDictionary(h => h, h => (IFunction)new Function(stack, h.Replace('.', '-'), new FunctionProps
            {
                Runtime = Runtime.PROVIDED_AL2023,
                Handler = h,
                Code = code,
            }));
            _ = new DqeStateMachine(stack, "Machine", new DqeStateMachineProps(workflow, new WorkflowContext(Env, h => functions[h]), RetentionDays.ONE_WEEK));
            app.Synth();
            return outdir;
        }
    }

    /// <summary>The workflow's resolved definition, read back from its synthesized assembly as the CLI reads it.</summary>
    public static LocalWorkflow Extract(IWorkflow workflow) => AssemblyWorkflows.Find(Synthesize(workflow), Env, workflow.Name);
}
