using Dqe.Cdk.Config;

namespace Dqe.Cdk.Delivery;

/// <param name="Config">Source, stages and approvals (<c>dqe:pipeline</c>).</param>
/// <param name="CliVersion">Exact aws-cdk CLI version the synth, diff, asset and self-mutation steps install.</param>
public sealed record DeliveryPipelineProps(PipelineConfig Config, string CliVersion);
