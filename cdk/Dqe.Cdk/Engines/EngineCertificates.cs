using Amazon.CDK.AWS.EKS;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.SecretsManager;
using Constructs;
using Dqe.Cdk.Platform;

namespace Dqe.Cdk.Engines;

/// <param name="Cluster">The cluster.</param>
/// <param name="ChartVersion">Pinned cert-manager chart version.</param>
/// <param name="EnvName">Environment name, in the CA's name and the published CA secret name.</param>
/// <param name="Namespaces">The namespaces (cert-manager's included).</param>
/// <param name="Secrets">Publishes the CA certificate to Secrets Manager for clients outside the cluster.</param>
public sealed record EngineCertificatesProps(Cluster Cluster, string ChartVersion, string EnvName, EngineNamespaces Namespaces, SecretsSync Secrets);

/// <summary>
/// cert-manager with a private CA per environment: engines' client endpoints (Trino HTTPS, ClickHouse HTTPS and
/// secure native) and their internode TLS (Trino workers, Keeper) get certificates from it, renewed automatically. The CA certificate (never its key) is
/// pushed to Secrets Manager so the automation functions can verify the engines.
/// </summary>
public sealed class EngineCertificates : Construct
{
    public const string Issuer = "dqe-ca";
    private const string SelfSigned = "dqe-selfsigned";
    private const string CaSecret = "dqe-ca";

    private readonly Cluster _cluster;
    private int _caReaders;

    public EngineCertificates(Construct scope, string id, EngineCertificatesProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        _cluster = props.Cluster;
        var ns = EngineNamespaces.CertManager;
        Chart = Kube.Chart(this, "Chart", props.Cluster,
            new HelmRelease("cert-manager", "https://charts.jetstack.io", props.ChartVersion, ns, "cert-manager"),
            new CertManagerValues(
                new CertManagerValues.CrdValues(Enabled: true, Keep: true),
                Kube.GeneralNodeSelector,
                new CertManagerValues.ComponentValues(Kube.GeneralNodeSelector),
                new CertManagerValues.ComponentValues(Kube.GeneralNodeSelector),
                new CertManagerValues.ComponentValues(Kube.GeneralNodeSelector)));
        Chart.Node.AddDependency(props.Namespaces.Manifest);

        CaSecretName = $"dqe/{props.EnvName}/engines-ca";
        props.Secrets.GrantPush(CaSecretName);
        Issuers = Kube.Apply(this, "Issuers", props.Cluster,
            new { apiVersion = "cert-manager.io/v1", kind = "ClusterIssuer", metadata = new { name = SelfSigned }, spec = new { selfSigned = new { } } },
            new
            {
                apiVersion = "cert-manager.io/v1",
                kind = "Certificate",
                metadata = new { name = CaSecret, @namespace = ns },
                spec = new
                {
                    isCA = true,
                    commonName = $"Dqe {props.EnvName} engines CA",
                    secretName = CaSecret,
                    duration = "87600h",
                    privateKey = new { algorithm = "ECDSA", size = 256 },
                    issuerRef = new { name = SelfSigned, kind = "ClusterIssuer", group = "cert-manager.io" },
                },
            },
            // A ClusterIssuer reads its CA from cert-manager's own namespace.
            new { apiVersion = "cert-manager.io/v1", kind = "ClusterIssuer", metadata = new { name = Issuer }, spec = new { ca = new { secretName = CaSecret } } },
            new
            {
                apiVersion = "external-secrets.io/v1alpha1",
                kind = "PushSecret",
                metadata = new { name = "engines-ca", @namespace = ns },
                spec = new
                {
                    refreshInterval = "1h",
                    secretStoreRefs = new[] { new { name = SecretsSync.AwsStore, kind = "ClusterSecretStore" } },
                    selector = new { secret = new { name = CaSecret } },
                    // Only the certificate: the CA key never leaves the cluster.
                    data = new[] { new { match = new { secretKey = "ca.crt", remoteRef = new { remoteKey = CaSecretName } } } },
                },
            });
        Issuers.Node.AddDependency(Chart);
        Issuers.Node.AddDependency(props.Secrets.Stores);
    }

    public HelmChart Chart { get; }

    /// <summary>The issuers; certificates depend on them.</summary>
    public KubernetesManifest Issuers { get; }

    /// <summary>Secrets Manager secret holding the CA certificate (PEM) clients verify the engines with.</summary>
    public string CaSecretName { get; }

    /// <summary>Lets <paramref name="grantee"/> read the published CA certificate (to verify the engines' endpoints).</summary>
    public Grant GrantCaRead(IGrantable grantee) =>
        Secret.FromSecretNameV2(this, $"Ca{_caReaders++}", CaSecretName).GrantRead(grantee);

    /// <summary>
    /// A certificate for <paramref name="dnsNames"/> in secret <paramref name="secretName"/> of <paramref name="ns"/>
    /// (tls.crt, tls.key, ca.crt, and tls-combined.pem for servers that read one PEM with key and chain).
    /// </summary>
    public KubernetesManifest Issue(Construct scope, string id, string ns, string secretName, params string[] dnsNames)
    {
        var manifest = Kube.Apply(scope, id, _cluster, new
        {
            apiVersion = "cert-manager.io/v1",
            kind = "Certificate",
            metadata = new { name = secretName, @namespace = ns },
            spec = new
            {
                secretName,
                dnsNames,
                duration = "2160h",
                renewBefore = "360h",
                privateKey = new { algorithm = "ECDSA", size = 256, rotationPolicy = "Always" },
                additionalOutputFormats = new[] { new { type = "CombinedPEM" } },
                issuerRef = new { name = Issuer, kind = "ClusterIssuer", group = "cert-manager.io" },
            },
        });
        manifest.Node.AddDependency(Issuers);
        return manifest;
    }
}
