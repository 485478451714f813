using Amazon.CDK.AWS.EKS;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.SecretsManager;
using Constructs;
using Dqe.Cdk.Security;

namespace Dqe.Cdk.Engines;

/// <param name="Cluster">The cluster.</param>
/// <param name="Operator">The environment's External Secrets operator (platform stack).</param>
/// <param name="Namespaces">Engine namespaces; the stores and synced secrets wait for them.</param>
public sealed record SecretsSyncProps(Cluster Cluster, SecretsOperator Operator, EngineNamespaces Namespaces);

/// <summary>
/// The engines' use of the shared External Secrets operator (<see cref="SecretsOperator"/>, platform stack):
/// copies Secrets Manager secrets (and Kafka client certificates) into engine namespaces as Kubernetes secrets,
/// so no password ever sits in cdk.json, a template or a Helm value. The operator may read only the secrets
/// granted through <see cref="GrantRead"/>.
/// </summary>
public sealed class SecretsSync : Construct
{
    /// <summary>ClusterSecretStore backed by Secrets Manager (owned by the operator).</summary>
    public const string AwsStore = SecretsOperator.AwsStore;

    /// <summary>ClusterSecretStore reading only the Kafka cluster CA and the client users' certificates from the kafka namespace.</summary>
    public const string KafkaCertsStore = "kafka-client-certs";

    /// <summary>Secret in client namespaces with the cluster CA truststore and the client's keystore (ca.p12, ca.password, user.p12, user.password).</summary>
    public const string KafkaClientTarget = "kafka-client";

    private const string KafkaCertReader = "kafka-cert-reader";

    private readonly SecretsOperator _operator;

    public SecretsSync(Construct scope, string id, SecretsSyncProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        _operator = props.Operator;

        // Only the CA and the certificates of the client users Strimzi issues (secrets named after the users).
        string[] readable = [Kafka.ClusterCaSecret, .. Kafka.ClientUsers];
        var stores = Kube.Apply(this, "Stores", props.Cluster,
            new { apiVersion = "v1", kind = "ServiceAccount", metadata = new { name = KafkaCertReader, @namespace = EngineNamespaces.Kafka } },
            new
            {
                apiVersion = "rbac.authorization.k8s.io/v1",
                kind = "Role",
                metadata = new { name = KafkaCertReader, @namespace = EngineNamespaces.Kafka },
                rules = new[] { new { apiGroups = new[] { "" }, resources = new[] { "secrets" }, resourceNames = readable, verbs = new[] { "get" } } },
            },
            new
            {
                apiVersion = "rbac.authorization.k8s.io/v1",
                kind = "RoleBinding",
                metadata = new { name = KafkaCertReader, @namespace = EngineNamespaces.Kafka },
                roleRef = new { apiGroup = "rbac.authorization.k8s.io", kind = "Role", name = KafkaCertReader },
                subjects = new[] { new { kind = "ServiceAccount", name = KafkaCertReader, @namespace = EngineNamespaces.Kafka } },
            },
            new
            {
                apiVersion = "external-secrets.io/v1beta1",
                kind = "ClusterSecretStore",
                metadata = new { name = KafkaCertsStore },
                spec = new
                {
                    provider = new
                    {
                        kubernetes = new
                        {
                            remoteNamespace = EngineNamespaces.Kafka,
                            server = new { caProvider = new { type = "ConfigMap", name = "kube-root-ca.crt", key = "ca.crt", @namespace = EngineNamespaces.Kafka } },
                            auth = new { serviceAccount = new { name = KafkaCertReader, @namespace = EngineNamespaces.Kafka } },
                        },
                    },
                },
            });
        stores.Node.AddDependency(props.Operator.Store, props.Namespaces.Manifest);
        Stores = stores;
    }

    /// <summary>The Kafka certificates store (applied after the operator); ExternalSecrets depend on it.</summary>
    public KubernetesManifest Stores { get; }

    /// <summary>Lets the operator read <paramref name="secret"/> (and nothing else it was not granted).</summary>
    public Grant GrantRead(ISecret secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return _operator.GrantRead(this, secret);
    }

    /// <summary>Lets the operator create and update the Secrets Manager secret <paramref name="secretName"/> (PushSecret).</summary>
    public void GrantPush(string secretName) => _operator.GrantPush(this, secretName);

    /// <summary>
    /// Copies the Kafka cluster CA and the certificate of client <paramref name="user"/> into <paramref name="ns"/>
    /// as secret <see cref="KafkaClientTarget"/>: what a client needs for the mutual-TLS listener.
    /// </summary>
    public KubernetesManifest SyncKafkaClient(Construct scope, string ns, string user) =>
        Sync(scope, "KafkaClient", ns, KafkaClientTarget, KafkaCertsStore,
            ("ca.p12", Kafka.ClusterCaSecret, "ca.p12"), ("ca.password", Kafka.ClusterCaSecret, "ca.password"),
            ("user.p12", user, "user.p12"), ("user.password", user, "user.password"));

    /// <summary>With MinIO, syncs the engines' key pair into <paramref name="ns"/>; with S3 (IRSA, no keys) does nothing and returns null.</summary>
    public KubernetesManifest? SyncMinIoKeys(Construct scope, string ns, LakeStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (store.Credentials is not { } keys)
        {
            return null;
        }

        GrantRead(keys);
        return Sync(scope, "MinIoKeys", ns, LakeStore.CredentialsSecret, AwsStore,
            ("accessKey", keys.SecretArn, "accessKey"), ("secretKey", keys.SecretArn, "secretKey"));
    }

    /// <summary>Keeps Kubernetes secret <paramref name="target"/> in <paramref name="ns"/> in sync with keys of a store's secret.</summary>
    /// <param name="data">Per key of the Kubernetes secret: the remote secret name and the JSON property (or secret key) to copy.</param>
    public KubernetesManifest Sync(Construct scope, string id, string ns, string target, string store, params (string Key, string RemoteKey, string Property)[] data) =>
        ExternalSecret(scope, id, ns, target, store, template: null, data);

    /// <summary>
    /// Writes an htpasswd-style file (key password.db, one bcrypt line per user) built from the passwords in the
    /// Secrets Manager secrets of <paramref name="users"/>: Trino's file password authenticator reads it. Only the
    /// hashes reach the cluster; the passwords are template inputs of the operator.
    /// </summary>
    public KubernetesManifest SyncPasswordFile(Construct scope, string id, string ns, string target, IReadOnlyList<(string User, string RemoteKey)> users)
    {
        ArgumentNullException.ThrowIfNull(users);
        // Sprig's htpasswd writes bcrypt as $2a$; Trino recognises bcrypt by the equivalent $2y$ prefix.
        var lines = users.Select(u => $"{{{{ htpasswd \"{u.User}\" (index . \"{PasswordKey(u.User)}\") | replace \"$2a$\" \"$2y$\" }}}}");
        return SyncTemplated(scope, id, ns, target,
            new Dictionary<string, string> { ["password.db"] = string.Join("\n", lines) + "\n" },
            [.. users.Select(u => (PasswordKey(u.User), u.RemoteKey, "password"))]);
    }

    /// <summary>Keeps <paramref name="target"/> in sync with a template (ESO engine v2, sprig functions) over keys of Secrets Manager secrets.</summary>
    public KubernetesManifest SyncTemplated(Construct scope, string id, string ns, string target, IReadOnlyDictionary<string, string> template, params (string Key, string RemoteKey, string Property)[] data) =>
        ExternalSecret(scope, id, ns, target, AwsStore, template, data);

    /// <summary>Template input key of a user's password (matches <see cref="EngineUser.SyncKey"/>).</summary>
    public static string PasswordKey(string user) => $"password_{user}";

    private KubernetesManifest ExternalSecret(
        Construct scope, string id, string ns, string target, string store, IReadOnlyDictionary<string, string>? template, (string Key, string RemoteKey, string Property)[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var manifest = _operator.Sync(scope, id, new ExternalSecretProps(ns, target, [.. data.Select(d => new SyncedKey(d.Key, d.RemoteKey, d.Property))])
        {
            Store = store,
            Template = template,
        });
        manifest.Node.AddDependency(Stores);
        return manifest;
    }
}
