using Dqe.Cdk.Config;

namespace Dqe.Cdk.Engines;

/// <param name="Context">Cluster, namespaces, secret sync, environment.</param>
/// <param name="Users">The people (<c>engines.users</c>, validated).</param>
/// <param name="VpcCidr">The only network the people's ClickHouse users may connect from.</param>
public sealed record EngineUsersProps(EngineContext Context, IReadOnlyList<EngineUserConfig> Users, string VpcCidr);
