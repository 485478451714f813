namespace Dqe.Cdk.Observability;

/// <summary>Where a chart comes from and where it is installed.</summary>
internal sealed record HelmRelease(string Name, string Chart, string Repository, string Version, string Namespace);
