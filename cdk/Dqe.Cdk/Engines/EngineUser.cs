using Amazon.CDK.AWS.SecretsManager;

namespace Dqe.Cdk.Engines;

/// <summary>A person's engine user: name and role from <c>engines.users</c>, password generated in <see cref="Secret"/> ({"user","password"}).</summary>
public sealed record EngineUser(string Name, string Role, Secret Secret)
{
    /// <summary>Key of this user's password in the ExternalSecrets that build the engines' user files (never written to the cluster as is).</summary>
    public string SyncKey => SecretsSync.PasswordKey(Name);
}
