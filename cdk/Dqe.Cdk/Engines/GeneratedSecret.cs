using Amazon.CDK.AWS.SecretsManager;
using Constructs;

namespace Dqe.Cdk.Engines;

/// <summary>
/// A Secrets Manager secret whose password CloudFormation generates: the value never exists in code, config or
/// templates. It is encrypted with the engines' customer key and removed as the environment's removal policy says.
/// </summary>
/// <remarks>
/// Refer to such a secret by its ARN: for a secret created in the stack, CDK's SecretName is parsed from the ARN
/// at deploy time and keeps the random suffix, which Secrets Manager does not accept as a name.
/// </remarks>
internal static class GeneratedSecret
{
    /// <param name="name">Secret name, e.g. dqe/dev/clickhouse.</param>
    /// <param name="fixedKey">JSON key of the fixed part (a user name or access key id).</param>
    /// <param name="fixedValue">Its value.</param>
    /// <param name="generatedKey">JSON key of the generated part.</param>
    /// <param name="context">Its encryption key (<see cref="EngineContext.SecretsKey"/>) and removal policy.</param>
    public static Secret Create(
        Construct scope, string id, string name, string description, string fixedKey, string fixedValue, string generatedKey, EngineContext context, int length = 32) =>
        new(scope, id, new SecretProps
        {
            SecretName = name,
            Description = description,
            GenerateSecretString = new SecretStringGenerator
            {
                SecretStringTemplate = $"{{\"{fixedKey}\":\"{fixedValue}\"}}",
                GenerateStringKey = generatedKey,
                // Punctuation breaks URLs, properties files and shell quoting in the engines' configs.
                ExcludePunctuation = true,
                PasswordLength = length,
            },
            EncryptionKey = context.SecretsKey,
            RemovalPolicy = context.Removal,
        });
}
