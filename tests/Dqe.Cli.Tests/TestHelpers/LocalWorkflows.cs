using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Amazon.CDK;
using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using Dqe.Workflows.Building;
using Dqe.Workflows.Local;

namespace Dqe.Cli.Tests.TestHelpers;

/// <summary>Synthesizes one workflow's state machine (with a function per declared handler) and extracts it for the local runner.</summary>
internal static class LocalWorkflows
{
    // The jsii runtime behind CDK is not safe for concurrent use: test classes run in parallel, so synths take turns.
    private static readonly Lock SynthGate = new();

    public static LocalWorkflow Synthesize(IWorkflow workflow)
    {
        lock (SynthGate)
        {
            return SynthesizeUnlocked(workflow);
        }
    }

    private static LocalWorkflow SynthesizeUnlocked(IWorkflow workflow)
    {
        var app = new App();
        var stack = new Stack(app, "WorkflowTest", new StackProps { Env = new Amazon.CDK.Environment { Region = "eu-west-1", Account = "111111111111" } });
        var code = Code.FromAsset(Directory.CreateTempSubdirectory("dqe-fn-").FullName);
        var functions = workflow.Handlers.ToDictionary(h => h, h => (IFunction)new Function(stack, h.Replace('.', '-'), new FunctionProps
        {
            Runtime = Runtime.PROVIDED_AL2023,
            Handler = h,
            Code = code,
        }));
        _ = new DqeStateMachine(stack, "Machine", new DqeStateMachineProps(workflow, new WorkflowContext("test", h => functions[h]), RetentionDays.ONE_WEEK));
        var json = JsonSerializer.SerializeToNode(Template.FromStack(stack).ToJSON(), new JsonSerializerOptions { TypeInfoResolver = new DefaultJsonTypeInfoResolver() })!.AsObject();
        return Assert.Single(AslExtractor.Extract(json, "eu-west-1"));
    }
}
