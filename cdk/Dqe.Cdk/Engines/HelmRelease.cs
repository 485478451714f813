namespace Dqe.Cdk.Engines;

/// <param name="Chart">Chart name in the repository.</param>
/// <param name="Repository">Chart repository URL (https:// or oci://).</param>
/// <param name="Version">Pinned chart version from config.</param>
/// <param name="Namespace">Namespace the release installs into (created beforehand by <see cref="EngineNamespaces"/>).</param>
/// <param name="Name">Helm release name.</param>
internal sealed record HelmRelease(string Chart, string Repository, string Version, string Namespace, string Name);
