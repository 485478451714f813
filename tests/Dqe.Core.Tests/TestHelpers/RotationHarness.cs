using System.Text;
using System.Text.Json.Nodes;
using Dqe.Core.Hosting;
using Dqe.Core.Hosting.Telemetry;
using Dqe.Core.Kubernetes;
using Dqe.Core.Secrets.Rotation;
using Dqe.TestServers.Kubernetes;
using Dqe.TestServers.Secrets;
using Microsoft.Extensions.Time.Testing;

namespace Dqe.Core.Tests.TestHelpers;

/// <summary>
/// The rotation handler against the fake Secrets Manager (versions and staging labels as the service keeps them) and
/// the fake Kubernetes API holding the ExternalSecrets of <see cref="Syncs"/> and the ClickHouseInstallation
/// <c>clickhouse/dqe</c>, with the options the CDK app gives the function.
/// </summary>
public sealed class RotationHarness : IAsyncDisposable
{
    /// <summary>The ExternalSecrets of the contract's example: Trino's password file (every user), ClickHouse's people and automation user.</summary>
    public static readonly IReadOnlyList<ExternalSecretSync> Syncs =
    [
        new(RotationEngine.Trino, new("trino", "trino-password-file")),
        new(RotationEngine.ClickHouse, new("clickhouse", "clickhouse-users")),
        new(RotationEngine.ClickHouse, new("clickhouse", "clickhouse-credentials")),
    ];

    public static readonly RotationTarget Installation = new("clickhouse", "dqe");

    private readonly HttpClient _http = new();

    private RotationHarness(FakeSecretsManager secrets, FakeKubernetesApi api)
    {
        Secrets = secrets;
        Api = api;
        Client = new k8s.Kubernetes(new k8s.KubernetesClientConfiguration { Host = api.BaseUri.ToString() });
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 12, 1, 3, 0, 0, TimeSpan.Zero));

    public FakeSecretsManager Secrets { get; }

    public FakeKubernetesApi Api { get; }

    public k8s.Kubernetes Client { get; }

    public static async Task<RotationHarness> StartAsync()
    {
        var harness = new RotationHarness(await FakeSecretsManager.StartAsync(), await FakeKubernetesApi.StartAsync());
        foreach (var sync in Syncs)
        {
            harness.Api.Seed($"apis/external-secrets.io/v1beta1/namespaces/{sync.Target.Namespace}/externalsecrets",
                Named(sync.Target, "external-secrets.io/v1beta1", "ExternalSecret"));
        }

        harness.Api.Seed($"apis/clickhouse.altinity.com/v1/namespaces/{Installation.Namespace}/clickhouseinstallations",
            Named(Installation, "clickhouse.altinity.com/v1", "ClickHouseInstallation"));
        return harness;
    }

    /// <summary>A secret with rotation enabled; returns its first version.</summary>
    public string Seed(string secretId, string value)
    {
        var version = Secrets.Put(secretId, value);
        Secrets.EnableRotation(secretId);
        return version;
    }

    /// <summary>The options of <see cref="Syncs"/> and <paramref name="secretEngines"/>, waiting at most 120 s without pauses.</summary>
    public static RotationOptions Options(IReadOnlyDictionary<string, RotationEngine>? secretEngines = null, IReadOnlyList<ExternalSecretSync>? syncs = null) =>
        new(syncs ?? Syncs, secretEngines ?? new Dictionary<string, RotationEngine>(), Installation, TimeSpan.FromSeconds(120), TimeSpan.Zero);

    /// <summary>One step through the handler, as Secrets Manager invokes it; the handler's JSON answer.</summary>
    public async Task<JsonNode> InvokeAsync(string step, string token, string secretId, IEngineLoginCheck logins, RotationOptions options)
    {
        var versions = new SecretsManagerVersions(_http, new StaticCredentialsSource(new AwsCredentials("AKIDEXAMPLE", "secret")), "eu-west-1", Time, Secrets.BaseUri);
        var handler = new RotationHandler(() => new SecretRotator(versions, new KubernetesRotationPublisher(Client, options), logins, new KubernetesGrafanaRestart(Client, options, Time), options, Time));
        var context = new InvocationContext
        {
            RequestId = "r", HandlerName = RotationHandler.Name, Deadline = Time.GetUtcNow().AddMinutes(15),
            Log = new NullLog(), Metrics = new NullMetrics(),
        };
        var payload = new JsonObject { ["Step"] = step, ["SecretId"] = secretId, ["ClientRequestToken"] = token, ["RotationToken"] = "opaque" };
        var output = await handler.InvokeAsync(Encoding.UTF8.GetBytes(payload.ToJsonString()), context, CancellationToken.None);
        return JsonNode.Parse(output)!;
    }

    /// <summary>Starts a rotation and runs createSecret, setSecret and testSecret; returns the token.</summary>
    public async Task<string> RotateUpToFinishAsync(string secretId, IEngineLoginCheck logins, RotationOptions options)
    {
        var token = Secrets.StartRotation(secretId);
        foreach (var step in SecretRotator.Steps.Take(3))
        {
            await InvokeAsync(step, token, secretId, logins, options);
        }

        return token;
    }

    /// <summary>The force-sync annotation of an ExternalSecret, null when never forced.</summary>
    public static string? ForceSync(FakeKubernetesApi api, RotationTarget target) =>
        api.Get("external-secrets.io", "externalsecrets", target.Namespace, target.Name)?["metadata"]?["annotations"]?["force-sync"]?.GetValue<string>();

    /// <summary>The installation's spec.taskID, null when never set.</summary>
    public static string? TaskId(FakeKubernetesApi api) =>
        api.Get("clickhouse.altinity.com", "clickhouseinstallations", Installation.Namespace, Installation.Name)?["spec"]?["taskID"]?.GetValue<string>();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        _http.Dispose();
        await Api.DisposeAsync().ConfigureAwait(false);
        await Secrets.DisposeAsync().ConfigureAwait(false);
    }

    private static JsonObject Named(RotationTarget target, string apiVersion, string kind) => new()
    {
        ["apiVersion"] = apiVersion,
        ["kind"] = kind,
        ["metadata"] = new JsonObject { ["name"] = target.Name, ["namespace"] = target.Namespace },
        ["spec"] = new JsonObject(),
    };

    private sealed class NullLog : IFunctionLog
    {
        public void Write(LogLevel level, string message)
        {
            // The handler's log lines are not under test here.
        }
    }

    private sealed class NullMetrics : IMetrics
    {
        public void Add(string name, double value, MetricUnit unit)
        {
            // Not under test.
        }

        public void SetDimension(string name, string value)
        {
            // Not under test.
        }
    }
}
