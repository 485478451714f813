using System.Text.Json.Nodes;
using Amazon.CDK;
using Amazon.CDK.Assertions;
using Dqe.Cdk.Config;
using Dqe.Cdk.Stacks;

namespace Dqe.Cdk.Tests.TestHelpers;

/// <summary>The app in pipeline mode, from the real cdk.json plus a <c>dqe:pipeline</c> section; synthesized once.</summary>
internal static class PipelineSynth
{
    public const string Account = "111122223333";
    public const string ConnectionArn = "arn:aws:codeconnections:eu-west-1:111122223333:connection/0f7e3c9a-1b2d-4e5f-8a9b-0c1d2e3f4a5b";

    private static readonly Lazy<(PipelineStack Stack, Template Template)> Default = new(() =>
    {
        var stack = Build();
        return (stack, Template.FromStack(stack));
    });

    public static PipelineStack Stack => Default.Value.Stack;

    public static Template Template => Default.Value.Template;

    /// <summary>A pipeline section with a connection source and the default stages.</summary>
    public static JsonObject Section() => new()
    {
        ["account"] = Account,
        ["region"] = "eu-west-1",
        ["source"] = new JsonObject { ["connectionArn"] = ConnectionArn, ["repository"] = "dqe/dqe", ["branch"] = "main" },
    };

    /// <summary>Loads the pipeline mode config with the section edited by <paramref name="edit"/> (null removes it).</summary>
    public static (PipelineConfig Pipeline, IReadOnlyList<DqeConfig> Stages) Load(Func<JsonObject, JsonObject?>? edit = null) =>
        PipelineConfigLoader.Load(App(edit).Node.TryGetContext);

    private static PipelineStack Build()
    {
        var app = App(null);
        var (pipeline, stages) = PipelineConfigLoader.Load(app.Node.TryGetContext);
        return DqePipelineApp.Build(app, pipeline, stages);
    }

    private static App App(Func<JsonObject, JsonObject?>? edit)
    {
        var context = CdkContext.Load();
        context[DqePipelineApp.ModeKey] = DqePipelineApp.PipelineMode;
        context["aws:cdk:bundling-stacks"] = new JsonArray();
        var section = edit is null ? Section() : edit(Section());
        if (section is not null)
        {
            context[PipelineConfigLoader.PipelineKey] = section;
        }

        return new App(new AppProps { Context = CdkContext.ToJsii(context) });
    }
}
