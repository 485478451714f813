using Amazon.CDK;
using Amazon.CDK.AWS.EKS;
using Amazon.CDK.AWS.SecretsManager;
using Constructs;
using Dqe.Cdk.Config;
using Dqe.Cdk.Platform;

namespace Dqe.Cdk.Engines;

/// <param name="Context">Cluster, namespaces, secret sync, environment.</param>
/// <param name="Config">Sizes, HPA bounds, catalogs.</param>
/// <param name="Lake">The data lake: IRSA grants on its prefixes and Glue database.</param>
/// <param name="Store">S3 or MinIO.</param>
/// <param name="Certificates">Issues the coordinator's HTTPS certificate (and the workers' for internal TLS).</param>
public sealed record TrinoProps(EngineContext Context, TrinoConfig Config, DataLake Lake, LakeStore Store, EngineCertificates Certificates)
{
    /// <summary>People's users: password-file lines beside the automation user, and access rules per role; null = none.</summary>
    public EngineUsers? Users { get; init; }
}

/// <summary>
/// Trino from the official chart: one coordinator and an HPA-scaled worker pool on the analytics nodes, memory
/// derived from container sizes, graceful worker shutdown, a worker PodDisruptionBudget, JMX metrics, clients on
/// HTTPS with password authentication, and catalogs for the lake (Glue + S3 on IRSA), TPC-H/TPC-DS, Kafka and
/// PostgreSQL.
/// </summary>
public sealed class Trino : Construct
{
    public const string Release = "trino";
    public const string ServiceAccountName = "trino";

    /// <summary>Plain HTTP: between pods only with internal TLS off; otherwise pod-local (probes, shutdown hook).</summary>
    public const int HttpPort = 8080;

    /// <summary>HTTPS on the coordinator: the client port.</summary>
    public const int HttpsPort = 8443;

    /// <summary>Our Service for the HTTPS port: chart versions differ in whether (and how) theirs exposes it.</summary>
    public const string HttpsService = "trino-https";

    public const string TlsSecret = "trino-tls";

    /// <summary>The user clients (automation, Grafana) authenticate as over HTTPS.</summary>
    public const string User = "dqe";

    public const int JmxExporterPort = 5556;

    /// <summary>Pinned JMX exporter sidecar image (the chart's default is an unpinned :latest).</summary>
    public const string JmxExporterImage = "bitnami/jmx-exporter:1.1.0";

    private const string TlsMount = "/etc/trino/tls";
    /// <summary>Secret (and ExternalSecret) holding Trino's password file; the rotation function force-syncs it.</summary>
    public const string PasswordFileSecret = "trino-password-authentication";
    private const string InternalSecret = "trino-internal";
    private const string AccessRulesFile = "rules.json";

    public Trino(Construct scope, string id, TrinoProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        var config = props.Config;
        var ns = EngineNamespaces.Trino;

        ServiceAccount = props.Context.ServiceAccount(this, ns, ServiceAccountName);
        // Reads raw and curated data, writes curated (CTAS, INSERT); the rest of the bucket stays out of reach.
        EngineContext.GrantLakeTransform(props.Lake, ServiceAccount);
        if (config.FaultTolerantExecution.Enabled)
        {
            // The exchange spools task output under its own prefix only.
            props.Lake.GrantLakeReadWrite(ServiceAccount, config.FaultTolerantExecution.ExchangePrefix);
        }

        var postgresSecret = Secret.FromSecretNameV2(this, "PostgresPassword", config.Postgres.PasswordSecretName);
        props.Context.Secrets.GrantRead(postgresSecret);
        Credentials = GeneratedSecret.Create(this, "Credentials", SecretName(props.Context.EnvName),
            $"Dqe {props.Context.EnvName}: Trino user '{User}' (password file in the trino namespace)", "user", User, "password", props.Context);
        // Coordinator and workers sign internal requests with it once authentication is on.
        var shared = GeneratedSecret.Create(this, "InternalSecret", $"dqe/{props.Context.EnvName}/trino-internal",
            $"Dqe {props.Context.EnvName}: Trino internal-communication shared secret", "purpose", "internal-communication", "secret", props.Context, length: 64);
        props.Context.Secrets.GrantRead(Credentials);
        props.Context.Secrets.GrantRead(shared);
        var synced = new List<KubernetesManifest>
        {
            props.Context.Secrets.SyncPasswordFile(this, "PasswordFile", ns, PasswordFileSecret,
                [(User, Credentials.SecretArn), .. (props.Users?.People ?? []).Select(p => (p.Name, p.Secret.SecretArn))]),
            props.Context.Secrets.Sync(this, "InternalSecretSync", ns, InternalSecret, SecretsSync.AwsStore, ("secret", shared.SecretArn, "secret")),
            props.Context.Secrets.Sync(this, "PostgresSecret", ns, "trino-postgres", SecretsSync.AwsStore, ("password", config.Postgres.PasswordSecretName, "password")),
            props.Context.Secrets.SyncKafkaClient(this, ns, Kafka.TrinoUser),
            props.Certificates.Issue(this, "Certificate", ns, TlsSecret,
                // localhost: the documented way in from a workstation is kubectl port-forward.
                [HttpsService, $"{HttpsService}.{ns}", $"{HttpsService}.{ns}.svc", $"{HttpsService}.{ns}.svc.cluster.local", "localhost",
                props.Context.Endpoints.TrinoHost, .. TrinoInternalTls.CoordinatorNames(config)]),
        };
        if (TrinoInternalTls.WorkerCertificate(this, props.Certificates, config) is { } workerCertificate)
        {
            synced.Add(workerCertificate);
        }

        var env = new List<object>
        {
            Kube.SecretEnv("POSTGRES_PASSWORD", "trino-postgres", "password"),
            Kube.SecretEnv("TRINO_SHARED_SECRET", InternalSecret, "secret"),
            Kube.SecretEnv("KAFKA_TRUSTSTORE_PASSWORD", SecretsSync.KafkaClientTarget, "ca.password"),
            Kube.SecretEnv("KAFKA_KEYSTORE_PASSWORD", SecretsSync.KafkaClientTarget, "user.password"),
        };
        if (props.Context.Secrets.SyncMinIoKeys(this, ns, props.Store) is { } minIoKeys)
        {
            synced.Add(minIoKeys);
            env.Add(Kube.SecretEnv("MINIO_ACCESS_KEY", LakeStore.CredentialsSecret, "accessKey"));
            env.Add(Kube.SecretEnv("MINIO_SECRET_KEY", LakeStore.CredentialsSecret, "secretKey"));
        }

        Values = TrinoInternalTls.Apply(
            BuildValues(props, env) with
            {
                AccessControl = new TrinoValues.AccessControlValues("configmap", "60s", AccessRulesFile,
                    new Dictionary<string, string> { [AccessRulesFile] = TrinoAccessRules.Json(User, props.Users?.People ?? []) }),
            },
            config);
        Chart = Kube.Chart(this, "Chart", props.Context.Cluster,
            new HelmRelease("trino", "https://trinodb.github.io/charts", config.ChartVersion, ns, Release), Values, waitReady: false);
        Chart.Node.AddDependency(ServiceAccount);
        synced.ForEach(s => Chart.Node.AddDependency(s));

        Kube.Apply(this, "WorkerDisruptionBudget", props.Context.Cluster,
            // Voluntary disruptions (node drains, autoscaler scale-down) take one worker at a time.
            new
            {
                apiVersion = "policy/v1",
                kind = "PodDisruptionBudget",
                metadata = new { name = "trino-worker", @namespace = ns },
                spec = new { maxUnavailable = 1, selector = new { matchLabels = WorkerLabels } },
            },
            new
            {
                apiVersion = "v1",
                kind = "Service",
                metadata = new { name = HttpsService, @namespace = ns },
                spec = new
                {
                    type = "ClusterIP",
                    selector = CoordinatorLabels,
                    ports = new[] { new { name = "https", port = HttpsPort, targetPort = HttpsPort, protocol = "TCP" } },
                },
            }).Node.AddDependency(props.Context.Namespaces.Manifest);
    }

    /// <summary>Labels of the worker pods (chart selector labels).</summary>
    public static IReadOnlyDictionary<string, string> WorkerLabels => Component("worker");

    /// <summary>Labels of the coordinator pod.</summary>
    public static IReadOnlyDictionary<string, string> CoordinatorLabels => Component("coordinator");

    /// <summary>Labels every Trino pod carries.</summary>
    public static IReadOnlyDictionary<string, string> PodLabels => Kube.Labels(("app.kubernetes.io/name", "trino"), ("app.kubernetes.io/instance", Release));

    /// <summary>In-cluster address of the coordinator for clients (HTTPS, certificate from the engines CA).</summary>
    public static string Endpoint => $"https://{HttpsService}.{EngineNamespaces.Trino}.svc:{HttpsPort}";

    public ServiceAccount ServiceAccount { get; }

    /// <summary>Generated credentials of the Trino user (JSON keys user, password); automation reads them, Secrets Manager rotates them.</summary>
    public Secret Credentials { get; }

    /// <summary>Secrets Manager name of <see cref="Credentials"/>.</summary>
    public static string SecretName(string env) => $"dqe/{env}/trino";

    public HelmChart Chart { get; }

    internal TrinoValues Values { get; }

    private static TrinoValues BuildValues(TrinoProps props, IReadOnlyList<object> env)
    {
        var config = props.Config;
        var worker = TrinoMemory.For(config.Worker);
        var coordinator = TrinoMemory.For(config.Coordinator);
        return new TrinoValues(
            new TrinoValues.ServerValues(
                config.Workers,
                new TrinoValues.NodeEnvironment(props.Context.EnvName.Replace('-', '_')),
                new TrinoValues.ServerConfig(
                    new TrinoValues.QueryLimit(TrinoMemory.Size(TrinoMemory.ClusterQueryMib(worker, config.Workers))),
                    // cert-manager's combined PEM (key + chain) is a keystore Trino reads directly.
                    new TrinoValues.HttpsValues(true, HttpsPort, new TrinoValues.KeystoreValues($"{TlsMount}/tls-combined.pem")),
                    AuthenticationType: "PASSWORD"),
                new TrinoValues.AutoscalingValues(
                    Enabled: true,
                    MaxReplicas: config.MaxWorkers,
                    TargetCPUUtilizationPercentage: config.HpaCpuTargetPercent,
                    TargetMemoryUtilizationPercentage: config.HpaMemoryTargetPercent,
                    // Scale up fast for bursts; scale down one worker a minute so graceful shutdown can drain each.
                    Behavior: new
                    {
                        scaleUp = new { stabilizationWindowSeconds = 0, policies = new[] { new { type = "Pods", value = 2, periodSeconds = 30 } } },
                        scaleDown = new { stabilizationWindowSeconds = 300, policies = new[] { new { type = "Pods", value = 1, periodSeconds = 60 } } },
                    }),
                TrinoTuning.ExchangeManager(config, props.Store)),
            new TrinoValues.AccountValues(Create: false, ServiceAccountName),
            NodeValues(coordinator, config.Coordinator, config, graceSeconds: 60, gracefulShutdown: null, affinity: null),
            NodeValues(worker, config.Worker, config,
                // The chart requires the pod's grace period to be at least twice the shutdown grace period.
                graceSeconds: (2 * config.GracefulShutdownSeconds) + 30,
                gracefulShutdown: new TrinoValues.GracefulShutdownValues(true, config.GracefulShutdownSeconds),
                // Workers prefer distinct zones so a zone loss leaves most of the pool; soft, so scale-out never blocks.
                affinity: new { podAntiAffinity = new { preferredDuringSchedulingIgnoredDuringExecution = new[] { new { weight = 100, podAffinityTerm = new { topologyKey = Kube.ZoneKey, labelSelector = new { matchLabels = WorkerLabels } } } } } }),
            TrinoCatalogs.Build(config, props.Store, props.Context.Cluster.Stack.Region),
            env,
            [
                new TrinoValues.SecretMount("kafka-client", SecretsSync.KafkaClientTarget, TrinoCatalogs.KafkaClientMount),
                new TrinoValues.SecretMount("tls", TlsSecret, TlsMount),
            ],
            new TrinoValues.AuthValues(PasswordFileSecret),
            ["internal-communication.shared-secret=${ENV:TRINO_SHARED_SECRET}", .. TrinoTuning.ConfigProperties(config)],
            new TrinoValues.JmxValues(true, 9080, 9081,
                new TrinoValues.ExporterValues(true, JmxExporterImage, "IfNotPresent", JmxExporterPort, JmxExporterConfig())),
            new TrinoValues.MonitorValues(props.Context.Monitoring.ServiceMonitors,
                new Dictionary<string, string> { ["release"] = props.Context.Monitoring.ReleaseLabel }, "30s"),
            new TrinoValues.ResourceGroupsValues("configmap", TrinoResourceGroups.Json(config.ResourceGroups)),
            TrinoTuning.ExchangeManagerProperties(config, props.Store));
    }

    private static TrinoValues.NodeValues NodeValues(
        TrinoMemory memory, PodResourcesConfig resources, TrinoConfig trino, int graceSeconds, TrinoValues.GracefulShutdownValues? gracefulShutdown, object? affinity) => new(
        new TrinoValues.JvmValues(memory.JvmHeap),
        new TrinoValues.NodeConfig(new TrinoValues.MemoryConfig(memory.Headroom), new TrinoValues.QueryMemory(memory.QueryPerNode)),
        Kube.Resources(resources),
        Kube.AnalyticsNodeSelector,
        Kube.AnalyticsTolerations,
        affinity,
        graceSeconds,
        gracefulShutdown,
        TrinoTuning.Volumes(trino),
        TrinoTuning.VolumeMounts(trino));

    private static string JmxExporterConfig() => Kube.ConfigFile(new
    {
        hostPort = "localhost:9080",
        startDelaySeconds = 0,
        ssl = false,
        // A bounded set of MBeans: query/task/memory health without one series per internal object.
        includeObjectNames = new[]
        {
            "trino.execution:name=QueryManager", "trino.execution:name=TaskManager", "trino.execution:name=SqlTaskManager",
            "trino.memory:type=ClusterMemoryPool,name=general", "trino.memory:type=MemoryPool,name=general",
            "trino.failuredetector:name=HeartbeatFailureDetector", "java.lang:type=Memory", "java.lang:type=GarbageCollector,name=*",
        },
        rules = new[] { new { pattern = ".*" } },
    });

    private static Dictionary<string, string> Component(string component) =>
        Kube.Labels(("app.kubernetes.io/name", "trino"), ("app.kubernetes.io/instance", Release), ("app.kubernetes.io/component", component));
}
