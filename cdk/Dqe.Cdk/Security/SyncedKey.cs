namespace Dqe.Cdk.Security;

/// <summary>One key of a Kubernetes secret kept in sync by External Secrets.</summary>
/// <param name="Key">Key in the Kubernetes secret.</param>
/// <param name="RemoteKey">Name or ARN of the remote secret (a Secrets Manager secret, or a Kubernetes secret for a Kubernetes store).</param>
/// <param name="Property">JSON property (or key) of the remote secret to copy.</param>
public sealed record SyncedKey(string Key, string RemoteKey, string Property);
