namespace Dqe.Cdk.Config;

/// <summary>
/// Every tunable of one Dqe environment. Read from cdk.json context: <c>dqe:defaults</c> deep-merged with
/// <c>dqe:environments.&lt;env&gt;</c>, selected with <c>-c env=NAME</c>. Defaults below are what a key
/// means when neither cdk.json section sets it.
/// </summary>
public sealed record DqeConfig
{
    /// <summary>Environment name (dev, staging, prod, dr). Set by the loader from the selected key.</summary>
    public string Env { get; init; } = "";

    /// <summary>AWS account id; null means the account of the deploying credentials (CDK_DEFAULT_ACCOUNT).</summary>
    public string? Account { get; init; }

    /// <summary>AWS region the environment lives in.</summary>
    public string Region { get; init; } = "eu-west-1";

    /// <summary>True only for throwaway environments: allows a public API endpoint open to the world and deletes data on destroy.</summary>
    public bool Ephemeral { get; init; }

    public NetworkConfig Network { get; init; } = new();

    public ClusterConfig Cluster { get; init; } = new();

    public NodeGroupsConfig NodeGroups { get; init; } = new();

    public LakeConfig Lake { get; init; } = new();

    public AutomationConfig Automation { get; init; } = new();

    public SecurityConfig Security { get; init; } = new();

    public ObservabilityConfig Observability { get; init; } = new();

    public EnginesConfig Engines { get; init; } = new();

    public BackupConfig Backup { get; init; } = new();

    /// <summary>CloudWatch Logs retention for the cluster, flow logs and functions (a value CloudWatch accepts).</summary>
    public int LogRetentionDays { get; init; } = 30;

    /// <summary>Tags applied to every resource, in addition to dqe:env.</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();
}
