using Dqe.Cdk.Config;

namespace Dqe.Cdk.Delivery;

/// <param name="Config">The environment's validated config; its account and region are where the stage deploys.</param>
public sealed record EnvironmentStageProps(DqeConfig Config);
