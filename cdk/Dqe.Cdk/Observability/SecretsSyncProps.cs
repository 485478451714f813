using Amazon.CDK.AWS.SecretsManager;
using Constructs;
using Dqe.Cdk.Security;

namespace Dqe.Cdk.Observability;

/// <param name="Operator">The environment's External Secrets operator (platform stack); this stack installs none.</param>
/// <param name="Secrets">The only Secrets Manager secrets of this stack the operator may read.</param>
/// <param name="Namespaces">Namespaces (manifest) the synced secrets land in; created first.</param>
public sealed record SecretsSyncProps(SecretsOperator Operator, IReadOnlyList<ISecret> Secrets, IDependable Namespaces);
