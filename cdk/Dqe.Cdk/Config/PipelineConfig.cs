namespace Dqe.Cdk.Config;

/// <summary>
/// The delivery pipeline (cdk.json context key <c>dqe:pipeline</c>). Absent means no pipeline: it is synthesized
/// only by <c>-c mode=pipeline</c>, and the environment stacks (<c>-c env=NAME</c>) never depend on it.
/// </summary>
public sealed record PipelineConfig
{
    /// <summary>Account the pipeline runs in (required: cross-region deploys need a concrete account).</summary>
    public string Account { get; init; } = "";

    /// <summary>Region of the pipeline stack.</summary>
    public string Region { get; init; } = "eu-west-1";

    /// <summary>Where the repository comes from.</summary>
    public PipelineSourceConfig Source { get; init; } = new();

    /// <summary>Environments (keys of <c>dqe:environments</c>) deployed one after another, in this order.</summary>
    public IReadOnlyList<string> Stages { get; init; } = ["dev", "staging", "prod", "dr"];

    /// <summary>Stages that wait for a manual approval (after their diff) before they deploy.</summary>
    public IReadOnlyList<string> ApprovalBefore { get; init; } = ["prod"];
}
