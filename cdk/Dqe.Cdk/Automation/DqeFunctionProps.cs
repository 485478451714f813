using Amazon.CDK.AWS.IAM;

namespace Dqe.Cdk.Automation;

/// <summary>
/// One Dqe function. <see cref="Handler"/> is the registry name the bootstrap reads from <c>_HANDLER</c>;
/// <see cref="PackageDirectory"/> holds the AOT <c>bootstrap</c> (from <see cref="BootstrapPackage"/>).
/// Defaults: 512 MB, 60 s timeout, no reserved concurrency, 30 days of logs. <see cref="Statements"/> are
/// the only permissions the role gets besides writing its own log group and X-Ray traces.
/// </summary>
public sealed record DqeFunctionProps
{
    public required string Handler { get; init; }

    public required string PackageDirectory { get; init; }

    public int MemoryMb { get; init; } = 512;

    public int TimeoutSeconds { get; init; } = 60;

    /// <summary>Null leaves the function on the account's unreserved pool.</summary>
    public int? ReservedConcurrency { get; init; }

    public int LogRetentionDays { get; init; } = 30;

    /// <summary>Step Functions workflow the function serves: its metrics carry it as dimension <c>Workflow</c>.</summary>
    public string? Workflow { get; init; }

    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<PolicyStatement> Statements { get; init; } = [];
}
