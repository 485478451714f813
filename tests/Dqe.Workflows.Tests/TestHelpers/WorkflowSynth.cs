using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Amazon.CDK;
using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using Dqe.Workflows.Building;
using Dqe.Workflows.Local;

namespace Dqe.Workflows.Tests.TestHelpers;

/// <summary>Synthesizes workflows the way the CDK app does (functions with Handler = handler name) and extracts them.</summary>
internal static class WorkflowSynth
{
    public const string Region = "eu-west-1";
    private static readonly Lazy<JsonObject> ProbeTemplate = new(() => Synthesize(new ProbeWorkflow()));

    public static JsonObject Probe => ProbeTemplate.Value.DeepClone().AsObject();

    public static LocalWorkflow ProbeWorkflow => Assert.Single(AslExtractor.Extract(Probe, Region));

    // The jsii runtime extracts its assets on first use; two test classes synthesizing at once race on them.
    private static readonly Lock SynthLock = new();

    public static JsonObject Synthesize(IWorkflow workflow)
    {
        lock (SynthLock)
        {
            return SynthesizeUnlocked(workflow);
        }
    }

    private static JsonObject SynthesizeUnlocked(IWorkflow workflow)
    {
        var app = new App();
        var stack = new Stack(app, "WorkflowTest", new StackProps { Env = new Amazon.CDK.Environment { Region = Region, Account = "111111111111" } });
        var code = Code.FromAsset(Directory.CreateTempSubdirectory("dqe-fn-").FullName);
        var functions = workflow.Handlers.ToDictionary(h => h, h => (IFunction)new Function(stack, h.Replace('.', '-'), new FunctionProps
        {
            Runtime = Runtime.PROVIDED_AL2023,
            Handler = h,
            Code = code,
        }));
        _ = new DqeStateMachine(stack, "Machine", new DqeStateMachineProps(workflow, new WorkflowContext("test", h => functions[h]), RetentionDays.ONE_WEEK));
        var json = JsonSerializer.SerializeToNode(Template.FromStack(stack).ToJSON(), new JsonSerializerOptions { TypeInfoResolver = new DefaultJsonTypeInfoResolver() });
        return json!.AsObject();
    }
}
