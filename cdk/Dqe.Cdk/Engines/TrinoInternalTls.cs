using Amazon.CDK.AWS.EKS;
using Constructs;
using Dqe.Cdk.Config;

namespace Dqe.Cdk.Engines;

/// <summary>
/// HTTPS between coordinator and workers (engines.trino.internalTls). Every node serves HTTPS on
/// <see cref="Trino.HttpsPort"/> with a certificate from the engines CA and calls the others only over it
/// (<c>internal-communication.https.required</c>), still signing requests with the shared secret.
/// </summary>
/// <remarks>
/// Node names: Trino's automatic internal certificates only work with an IP address in discovery.uri, and the chart
/// cannot give its pods a subdomain (so they have no DNS names of their own). Nodes therefore announce themselves
/// as <c>a-b-c-d.ip</c> (<c>node.internal-address-source=IP_ENCODED_AS_HOSTNAME</c>), names Trino's HTTP client
/// decodes to the address itself, without DNS; the certificates carry the wildcard <see cref="NodeNames"/> for
/// them. discovery.uri is set as a JVM system property because the chart writes its own plain http one into
/// config.properties and airlift lets system properties override the file. Plain HTTP stays on 8080 inside each
/// pod for the kubelet's liveness probe, the exec readiness probe and the graceful-shutdown hook (all local to
/// the node); NetworkPolicies close it between pods.
/// </remarks>
internal static class TrinoInternalTls
{
    /// <summary>The workers' certificate: only the node names, so a worker cannot pose as the client endpoint.</summary>
    public const string WorkerTlsSecret = "trino-worker-tls";

    /// <summary>Every IP_ENCODED_AS_HOSTNAME name; not a real DNS zone, so it matches nothing outside Trino.</summary>
    public const string NodeNames = "*.ip";

    private const string TlsMountName = "tls";

    /// <summary>Extra names for the coordinator's certificate (it is also a node).</summary>
    public static IReadOnlyList<string> CoordinatorNames(TrinoConfig trino) => trino.InternalTls.Enabled ? [NodeNames] : [];

    /// <summary>The workers' certificate, or null when internal TLS is off.</summary>
    public static KubernetesManifest? WorkerCertificate(Construct scope, EngineCertificates certificates, TrinoConfig trino) =>
        trino.InternalTls.Enabled ? certificates.Issue(scope, "WorkerCertificate", EngineNamespaces.Trino, WorkerTlsSecret, NodeNames) : null;

    /// <summary>The values with internal HTTPS switched on (unchanged when it is off).</summary>
    public static TrinoValues Apply(TrinoValues values, TrinoConfig trino)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(trino);
        if (!trino.InternalTls.Enabled)
        {
            return values;
        }

        // The client certificate moves to the coordinator; workers mount their own at the same path.
        var clientTls = values.SecretMounts.Single(m => m.Name == TlsMountName);
        var dir = clientTls.Path;
        return values with
        {
            Server = values.Server with
            {
                // The chart only writes http-server.https.* for the coordinator.
                WorkerExtraConfig = string.Join('\n',
                    "http-server.https.enabled=true",
                    $"http-server.https.port={Trino.HttpsPort}",
                    $"http-server.https.keystore.path={dir}/tls-combined.pem"),
            },
            Coordinator = values.Coordinator with
            {
                SecretMounts = [clientTls],
                AdditionalJVMConfig = [$"-Ddiscovery.uri=https://localhost:{Trino.HttpsPort}"],
            },
            Worker = values.Worker with
            {
                SecretMounts = [clientTls with { SecretName = WorkerTlsSecret }],
                AdditionalJVMConfig = [$"-Ddiscovery.uri={Trino.Endpoint}"],
            },
            SecretMounts = [.. values.SecretMounts.Where(m => m != clientTls)],
            AdditionalConfigProperties =
            [
                .. values.AdditionalConfigProperties,
                "internal-communication.https.required=true",
                // A trust store also turns off Trino's automatic (IP-only) internal certificates.
                $"internal-communication.https.truststore.path={dir}/ca.crt",
                "node.internal-address-source=IP_ENCODED_AS_HOSTNAME",
            ],
        };
    }
}
