namespace Dqe.Cdk.Engines;

/// <summary>Memory and CPU quantities in Kubernetes notation (e.g. 4Gi, 1700m).</summary>
internal sealed record ResourceAmounts(string Memory, string Cpu);
