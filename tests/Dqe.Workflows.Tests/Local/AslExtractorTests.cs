using Dqe.Workflows.Local;
using Dqe.Workflows.Tests.TestHelpers;

namespace Dqe.Workflows.Tests.Local;

public sealed class AslExtractorTests
{
    [Fact]
    public void Extract_SynthesizedTemplate_ResolvesEveryIntrinsic()
    {
        var workflow = WorkflowSynth.ProbeWorkflow;

        Assert.Equal("dqe-test-probe", workflow.Name);
        var text = workflow.Definition.ToJsonString();
        Assert.DoesNotContain("Fn::", text, StringComparison.Ordinal);
        Assert.DoesNotContain("${Token", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_LambdaTasks_MapToTheirHandlersIncludingInsideMap()
    {
        var tasks = WorkflowSynth.ProbeWorkflow.Tasks;

        Assert.Equal("test.prepare", tasks["Prepare"].Handler);
        Assert.Equal("test.item", tasks["Item"].Handler);
        Assert.Equal(TaskKind.LambdaFunction, tasks["Item"].Kind);
        Assert.Equal(TaskKind.AwsSdk, tasks["Snapshot"].Kind);
        Assert.Equal(("ec2", "createSnapshot"), (tasks["Snapshot"].SdkService, tasks["Snapshot"].SdkAction));
        Assert.Equal(("sns", "publish"), (tasks["Notify"].SdkService, tasks["Notify"].SdkAction));
        Assert.Equal(["WaitForReady"], WorkflowSynth.ProbeWorkflow.WaitStates);
    }

    [Fact]
    public void Extract_TemplateWithoutResources_Throws()
    {
        Assert.Throws<ArgumentException>(() => AslExtractor.Extract([], "eu-west-1"));
    }
}
