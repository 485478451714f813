using Dqe.Cdk.Config;

namespace Dqe.Cdk.Platform;

/// <param name="Config">Lifecycle days per bucket.</param>
/// <param name="EnvName">Environment name, used in the Glue database name and key alias.</param>
/// <param name="Ephemeral">Throwaway environment: buckets and key are destroyed with the stack instead of retained.</param>
public sealed record DataLakeProps(LakeConfig Config, string EnvName, bool Ephemeral);
