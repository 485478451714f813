namespace Dqe.Cdk.Config;

/// <summary>
/// TLS between the nodes of one engine (cdk.json <c>engines.trino.internalTls</c>, <c>engines.clickHouse.interserverTls</c>),
/// with certificates from the environment CA. On by default in every environment: without it, query data (Trino
/// task exchange, ClickHouse parts and distributed query results, Keeper's replication log) crosses the VPC in the
/// clear, protected only by NetworkPolicies. The price is CPU for the handshakes and AES on every byte exchanged
/// between nodes (a few percent on shuffle-heavy queries with AES-NI); docs/security.md has the details.
/// </summary>
public sealed record InternodeTlsConfig
{
    /// <summary>Encrypt traffic between the engine's nodes and close its plaintext inter-node ports.</summary>
    public bool Enabled { get; init; } = true;
}
