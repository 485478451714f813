using System.Xml.Linq;
using Amazon.CDK.AWS.EKS;
using Constructs;
using Dqe.Cdk.Config;

namespace Dqe.Cdk.Engines;

/// <summary>
/// TLS between ClickHouse nodes (engines.clickHouse.interserverTls): replication on <see cref="InterserverHttpsPort"/>
/// instead of plain 9009, distributed queries on the secure native port (the operator writes <c>secure</c> into
/// remote_servers for a cluster marked secure), servers to Keeper on <see cref="KeeperSecurePort"/>, and Raft between
/// Keeper members over TLS. Peers are verified against the engines CA and by name (extendedVerification).
/// </summary>
/// <remarks>
/// The server side keeps verificationMode none: strict there would demand client certificates from every client
/// (automation, Grafana), and peers already authenticate with the cluster user. Keeper's plain client port stays
/// open for the operator only (NetworkPolicies), as the operator's own status checks use it.
/// </remarks>
internal static class ClickHouseInterserverTls
{
    public const int InterserverHttpsPort = 9010;
    public const int KeeperSecurePort = 9281;
    public const string KeeperTlsSecret = "clickhouse-keeper-tls";
    public const string KeeperTlsMount = "/etc/clickhouse-keeper/tls";

    /// <summary>Key of the servers' config file in the installation's configuration.files (mounted into config.d).</summary>
    public const string ServerConfigFile = "config.d/dqe-interserver-tls.xml";

    /// <summary>The servers' config file: replication port switched to HTTPS, outgoing TLS verified against the CA.</summary>
    /// <param name="tlsDir">Directory of the mounted certificate secret (tls.crt, tls.key, ca.crt).</param>
    /// <param name="httpsPort">interserver_https_port (a parameter so a local test server can use a free port).</param>
    public static string ServerConfig(string tlsDir, int httpsPort) => new XDocument(
        // <yandex>, like the operator's own files: every ClickHouse version merges it (newer ones also take <clickhouse>).
        new XElement("yandex",
            new XComment(" Dqe: replication only over HTTPS; the operator's per-host plain port is removed here. "),
            new XElement("interserver_http_port", new XAttribute("remove", "1")),
            new XElement("interserver_https_port", httpsPort),
            new XElement("openSSL", new XElement("client", [.. ClientSettings(tlsDir, withSystemCas: true).Select(s => Nested(s.Path, s.Value))])))).ToString();

    /// <summary>Extra settings of the Keeper installation: secure client port, Raft over TLS, its certificate and CA.</summary>
    public static IReadOnlyDictionary<string, object> KeeperSettings()
    {
        var settings = new Dictionary<string, object>
        {
            ["keeper_server/tcp_port_secure"] = KeeperSecurePort,
            ["keeper_server/raft_configuration/secure"] = true,
            ["openSSL/server/certificateFile"] = $"{KeeperTlsMount}/tls.crt",
            ["openSSL/server/privateKeyFile"] = $"{KeeperTlsMount}/tls.key",
            ["openSSL/server/verificationMode"] = "none",
        };
        // Raft's outgoing connections: Keeper talks to no one else, so only the engines CA is trusted.
        foreach (var (path, value) in ClientSettings(KeeperTlsMount, withSystemCas: false))
        {
            settings[$"openSSL/client/{path}"] = value;
        }

        return settings;
    }

    /// <summary>Names the servers' certificate needs beyond the client Service: each possible host by the operator's names.</summary>
    public static IEnumerable<string> ServerNames(ClickHouseConfig config, string installation)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (!config.InterserverTls.Enabled)
        {
            yield break;
        }

        // Up to maxReplicasPerShard: automation may add replicas without a new certificate. The Service wildcards
        // of the client certificate cover the .svc forms; short names and pod FQDNs need listing.
        for (var shard = 0; shard < config.Shards; shard++)
        {
            for (var replica = 0; replica < config.MaxReplicasPerShard; replica++)
            {
                var host = $"chi-{installation}-{config.ClusterName}-{shard}-{replica}";
                yield return host;
                yield return $"{host}-0";
                yield return $"{host}-0.{host}.{EngineNamespaces.ClickHouse}.svc.cluster.local";
            }
        }
    }

    /// <summary>Keeper's own certificate (its Service and each member's names, no wildcard), or null when TLS is off.</summary>
    public static KubernetesManifest? KeeperCertificate(Construct scope, EngineCertificates certificates, ClickHouseConfig config) =>
        config.InterserverTls.Enabled
            ? certificates.Issue(scope, "KeeperCertificate", EngineNamespaces.ClickHouse, KeeperTlsSecret, [.. KeeperNames(config)])
            : null;

    private static IEnumerable<string> KeeperNames(ClickHouseConfig config)
    {
        var service = ClickHouseKeeperManifest.Host;
        yield return service;
        yield return $"{service}.cluster.local";
        for (var member = 0; member < config.KeeperNodes; member++)
        {
            var host = $"chk-{ClickHouseKeeperManifest.Name}-keeper-0-{member}";
            yield return host;
            yield return $"{host}.{EngineNamespaces.ClickHouse}.svc";
            yield return $"{host}.{EngineNamespaces.ClickHouse}.svc.cluster.local";
        }
    }

    /// <summary>The openSSL client section, as paths below it: for the servers' file and the Keeper settings alike.</summary>
    private static IReadOnlyList<(string Path, object Value)> ClientSettings(string tlsDir, bool withSystemCas) =>
    [
        ("caConfig", $"{tlsDir}/ca.crt"),
        // Servers also reach S3 and STS over HTTPS through this context: their public CAs stay trusted.
        ("loadDefaultCAFile", withSystemCas),
        ("verificationMode", "strict"),
        ("extendedVerification", true),
        ("disableProtocols", "sslv2,sslv3,tlsv1,tlsv1_1"),
        ("invalidCertificateHandler/name", "RejectCertificateHandler"),
    ];

    private static XElement Nested(string path, object value)
    {
        var names = path.Split('/');
        var element = new XElement(names[^1], value is bool b ? (b ? "true" : "false") : value);
        return names[..^1].Reverse().Aggregate(element, (inner, name) => new XElement(name, inner));
    }
}
