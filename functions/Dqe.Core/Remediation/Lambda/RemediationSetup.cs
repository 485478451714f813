using System.Text.Json;
using Amazon.DynamoDBv2;
using Dqe.Core.Hosting;
using Dqe.Core.Kubernetes;
using Dqe.Core.Remediation.Actions;
using Dqe.Core.Remediation.Guardrails;
using Dqe.Core.Remediation.Webhook;
using Dqe.Core.Secrets;

namespace Dqe.Core.Remediation.Lambda;

/// <summary>
/// Builds the remediation runtime of a deployed function from its environment (<see cref="RemediationVariables"/>):
/// guardrails and audit in the DynamoDB table, StartExecution and SNS signed with the function's role, Kubernetes
/// through the host's EKS client, engines through <see cref="EngineConnections"/>, tokens from Secrets Manager.
/// </summary>
internal static class RemediationSetup
{
    private static readonly HttpClient AwsHttp = new() { Timeout = TimeSpan.FromSeconds(10) };

    public static RemediationRuntime Create(HostServices host)
    {
        var env = host.Environment;
        var options = new RemediationOptions { DryRun = string.Equals(env.Get(RemediationVariables.DryRun), "true", StringComparison.OrdinalIgnoreCase) };
        var aws = new AwsSignedClient(AwsHttp, new EnvironmentCredentialsSource(env), Required(env, EksClusterSettings.RegionVariable), host.Time);
        var dynamo = new AmazonDynamoDBClient();
        var table = Required(env, RemediationVariables.Table);
        var cluster = new LazyClusterActions(() => new KubernetesClusterActions(host.Kubernetes.Create()));
        var engines = new LazyEngineActions(() =>
        {
            // Replicas through the API server's pod proxy: pod DNS names do not resolve outside the cluster.
            var proxy = new KubernetesProxy(host.Kubernetes.Create());
            var replicas = new ClickHouseReplicaProxy(proxy, host.Engines.ClickHouseHttpVia(proxy.ApiServer, proxy.CreateHandler()), host.Engines.ClickHouseUrl, host.Time);
            return new QueryEngineActions(host.Engines.Trino(o => o with { Source = "dqe-remediation" }), replicas.Client);
        });
        var source = PrometheusEndpoint.From(host) is { } prometheus ? new PrometheusAlertSource(prometheus.Http, prometheus.BaseUri) : null;
        var tokenSecret = Required(env, RemediationVariables.TokenSecret);
        var topic = Required(env, RemediationVariables.TopicArn);
        return RemediationRuntime.Compose(
            options,
            new DynamoDbGuardrailStore(dynamo, table, options.Retention),
            new DynamoDbAuditLog(dynamo, table),
            cluster,
            engines,
            new StepFunctionsDispatcher(aws, Required(env, RemediationVariables.StateMachineArn), options, host.Time),
            audit => new SnsEscalator(aws, topic, audit, host.Time),
            source,
            async ct => Tokens(await host.Secrets.GetSecretStringAsync(tokenSecret, ct).ConfigureAwait(false), tokenSecret),
            host.Time);
    }

    /// <summary>The secret's <c>token</c> and, during a rotation, <c>previousToken</c>.</summary>
    internal static BearerTokenValidator Tokens(string secretJson, string secretName)
    {
        try
        {
            using var document = JsonDocument.Parse(secretJson);
            var root = document.RootElement;
            var tokens = new[] { "token", "previousToken" }
                .Select(k => root.TryGetProperty(k, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null)
                .OfType<string>()
                .ToList();
            return new BearerTokenValidator(tokens);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
        {
            throw new SecretUnavailableException($"secret '{secretName}' must be JSON with a non-empty string key 'token'");
        }
    }

    private static string Required(IFunctionEnvironment env, string name) =>
        env.Get(name) is { Length: > 0 } value ? value : throw new InvalidOperationException($"environment variable {name} is not set.");
}
