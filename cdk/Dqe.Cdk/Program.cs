using Amazon.CDK;
using Dqe.Cdk;
using Dqe.Cdk.Config;

var app = new App();
try
{
    DqeApp.Build(app, ConfigLoader.Load(app.Node.TryGetContext));
}
catch (ConfigException e)
{
    // One line, nothing synthesized: the cdk CLI shows this and exits non-zero.
    Console.Error.WriteLine($"dqe: {e.Message}");
    return 1;
}

app.Synth();
return 0;
