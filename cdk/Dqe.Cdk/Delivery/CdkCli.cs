using System.Text.Json.Nodes;
using Dqe.Cdk.Config;
using Dqe.Cdk.Platform;

namespace Dqe.Cdk.Delivery;

/// <summary>The aws-cdk CLI version pinned in package.json: the pipeline's own steps run the same CLI as developers.</summary>
internal static class CdkCli
{
    public static string PinnedVersion()
    {
        var path = RepositoryPaths.Find("package.json", "the pipeline pins the aws-cdk CLI version from the repository's package.json");
        var version = (JsonNode.Parse(File.ReadAllText(path))?["devDependencies"]?["aws-cdk"] as JsonValue)?.GetValue<string>();
        return version is not null && System.Text.RegularExpressions.Regex.IsMatch(version, @"^\d+\.\d+\.\d+$")
            ? version
            : throw new ConfigException($"package.json: devDependencies.aws-cdk = '{version}' must be an exact version (the pipeline installs the same CLI)");
    }
}
