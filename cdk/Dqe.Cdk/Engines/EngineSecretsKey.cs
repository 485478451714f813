using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.SecretsManager;
using Constructs;
using Dqe.Cdk.Security;

namespace Dqe.Cdk.Engines;

/// <summary>
/// The customer-managed key of the engine secrets (<see cref="GeneratedSecret"/>: automation users, people,
/// Trino's internal secret, MinIO keys), instead of the account's <c>aws/secretsmanager</c>: rotated yearly, and
/// its policy refuses every cryptographic use that does not come through Secrets Manager of this region, so
/// holding the key's permissions never decrypts a copied ciphertext. Readers in the engines stack get
/// <c>kms:Decrypt</c> through <c>Secret.GrantRead</c> (CDK names them in this key's policy, with the same
/// <c>kms:ViaService</c> condition); readers in later stacks get <see cref="GrantSecretRead"/> and the rotation
/// function <see cref="GrantRotation"/>, both in the grantee's own policy.
/// </summary>
public sealed class EngineSecretsKey : Construct
{
    /// <summary>The key's data operations: Secrets Manager uses Decrypt (reads) and GenerateDataKey (writes).</summary>
    private static readonly string[] CryptoActions = ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey*", "kms:ReEncrypt*"];

    public EngineSecretsKey(Construct scope, string id, EngineSecretsKeyProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        Key = CustomerKey.Create(this, props.EnvName, "engine-secrets", "encrypts the engine secrets in Secrets Manager", props.Ephemeral);
        // Key administration (the account statement CDK writes) stays; only the data operations are fenced.
        Key.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "OnlyThroughSecretsManager",
            Effect = Effect.DENY,
            Principals = [new AnyPrincipal()],
            Actions = CryptoActions,
            Resources = ["*"],
            Conditions = new Dictionary<string, object>
            {
                ["StringNotEquals"] = new Dictionary<string, object> { ["kms:ViaService"] = ViaService },
            },
        }));
    }

    public Key Key { get; }

    /// <summary>secretsmanager.REGION.amazonaws.com: the only caller the key serves.</summary>
    public string ViaService => $"secretsmanager.{Stack.Of(this).Region}.amazonaws.com";

    /// <summary>
    /// Read of <paramref name="secrets"/> (encrypted with this key) by a grantee of a later stack: GetSecretValue and
    /// DescribeSecret on exactly those secrets, Decrypt through Secrets Manager, all in the grantee's policy.
    /// <c>Secret.GrantRead</c> would name the grantee in this key's policy: a reference from this stack to the later
    /// one, which already depends on this one (a cycle).
    /// </summary>
    public void GrantSecretRead(IGrantable grantee, params ISecret[] secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        _ = GrantThroughSecretsManager(grantee, "kms:Decrypt");
        _ = Grant.AddToPrincipal(new GrantOnPrincipalOptions
        {
            Grantee = grantee,
            Actions = ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"],
            ResourceArns = [.. secrets.Select(s => s.SecretArn)],
        });
    }

    /// <summary>
    /// What a rotation function needs on the key: Decrypt (GetSecretValue) and GenerateDataKey (PutSecretValue),
    /// through Secrets Manager only. The statement goes to <paramref name="grantee"/>'s policy (its stack).
    /// </summary>
    public Grant GrantRotation(IGrantable grantee) => GrantThroughSecretsManager(grantee, "kms:Decrypt", "kms:GenerateDataKey");

    private Grant GrantThroughSecretsManager(IGrantable grantee, params string[] actions)
    {
        ArgumentNullException.ThrowIfNull(grantee);
        return Grant.AddToPrincipal(new GrantOnPrincipalOptions
        {
            Grantee = grantee,
            Actions = actions,
            ResourceArns = [Key.KeyArn],
            Conditions = new Dictionary<string, IDictionary<string, object>>
            {
                ["StringEquals"] = new Dictionary<string, object> { ["kms:ViaService"] = ViaService },
            },
        });
    }
}
