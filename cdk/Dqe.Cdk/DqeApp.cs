using Amazon.CDK;
using Dqe.Cdk.Config;
using Dqe.Cdk.Stacks;
using Dqe.Workflows;

namespace Dqe.Cdk;

/// <summary>Creates the stacks of one environment and connects them. Only wiring lives here.</summary>
public static class DqeApp
{
    /// <param name="app">The app, or a pipeline stage (<see cref="Delivery.EnvironmentStage"/>): stack names are the same in both.</param>
    public static DqeStacks Build(Constructs.Construct app, DqeConfig config)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(config);
        var env = new Amazon.CDK.Environment
        {
            Account = config.Account ?? System.Environment.GetEnvironmentVariable("CDK_DEFAULT_ACCOUNT"),
            Region = config.Region,
        };

        var platform = new PlatformStack(app, $"Dqe-{config.Env}-Platform", new PlatformStackProps(config)
        {
            Env = env,
            StackName = $"Dqe-{config.Env}-Platform",
            Description = $"Dqe {config.Env}: network, EKS cluster and node groups, data lake",
        });

        var engines = new EnginesStack(app, $"Dqe-{config.Env}-Engines", new EnginesStackProps(config, platform.Cluster, platform.Lake, platform.Network, platform.Secrets)
        {
            Env = env,
            StackName = $"Dqe-{config.Env}-Engines",
            Description = $"Dqe {config.Env}: Trino, ClickHouse, Spark Operator, Kafka (and MinIO) on EKS",
        });

        var automation = new AutomationStack(app, $"Dqe-{config.Env}-Automation", new AutomationStackProps(config, platform, engines, WorkflowCatalog.All)
        {
            Env = env,
            StackName = $"Dqe-{config.Env}-Automation",
            Description = $"Dqe {config.Env}: functions, state machines and schedules",
        });

        var observability = new ObservabilityStack(app, $"Dqe-{config.Env}-Observability", new ObservabilityStackProps(config, platform.Network, platform.Cluster, platform.Secrets)
        {
            // Alertmanager posts to the private API the Automation stack creates: one value, no URL in config.
            RemediationWebhookUrl = automation.Remediation?.WebhookUrl,
            RotationFunctionArn = automation.Rotation.Function.Function.FunctionArn,
            Env = env,
            StackName = $"Dqe-{config.Env}-Observability",
            Description = $"Dqe {config.Env}: Prometheus with Thanos archive, Grafana, Alertmanager, alert rules, OpenSearch log shipping",
        });

        Tags.Of(app).Add("dqe:env", config.Env);
        foreach (var (key, value) in config.Tags)
        {
            Tags.Of(app).Add(key, value);
        }

        return new DqeStacks(platform, engines, observability, automation);
    }
}
