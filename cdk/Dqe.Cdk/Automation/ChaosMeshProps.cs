using Amazon.CDK.AWS.EKS;

namespace Dqe.Cdk.Automation;

/// <param name="Cluster">The EKS cluster Chaos Mesh is installed into.</param>
/// <param name="Version">Pinned chart version (cdk.json automation.chaosMeshVersion).</param>
public sealed record ChaosMeshProps(ICluster Cluster, string Version);
