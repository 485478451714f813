using Amazon.CDK;
using Dqe.Cdk;
using Dqe.Cdk.Config;

var app = new App();
try
{
    switch (app.Node.TryGetContext(DqePipelineApp.ModeKey))
    {
        case null:
            DqeApp.Build(app, ConfigLoader.Load(app.Node.TryGetContext));
            break;
        case DqePipelineApp.PipelineMode:
            var (pipeline, stages) = PipelineConfigLoader.Load(app.Node.TryGetContext);
            DqePipelineApp.Build(app, pipeline, stages);
            break;
        case var mode:
            throw new ConfigException($"unknown mode '{mode}': omit it (one environment, -c env=NAME) or pass -c mode=pipeline");
    }
}
catch (ConfigException e)
{
    // One line, nothing synthesized: the cdk CLI shows this and exits non-zero.
    Console.Error.WriteLine($"dqe: {e.Message}");
    return 1;
}

app.Synth();
return 0;
