namespace Dqe.Cdk.Config;

/// <summary>A configuration problem reported as one line that names the environment and the key.</summary>
public sealed class ConfigException(string message) : Exception(message);
