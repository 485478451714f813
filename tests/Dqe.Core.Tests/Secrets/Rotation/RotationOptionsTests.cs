using Dqe.Core.Hosting;
using Dqe.Core.Secrets.Rotation;
using Dqe.Core.Tests.TestHelpers;

namespace Dqe.Core.Tests.Secrets.Rotation;

/// <summary>The rotation function's environment as the CDK app writes it: per-engine ExternalSecrets and the secrets on one engine.</summary>
public sealed class RotationOptionsTests
{
    private const string Example = "trino:trino/trino-password-file,clickhouse:clickhouse/clickhouse-users,clickhouse:clickhouse/clickhouse-credentials";

    [Fact]
    public void FromEnvironment_ContractExample_EnginesPerSyncAndPerSecret()
    {
        var options = RotationOptions.FromEnvironment(new FakeEnvironment(
            (FunctionVariables.RotationExternalSecrets, Example),
            (FunctionVariables.RotationSecretEngines, " dqe/dev/trino=trino , dqe/dev/clickhouse=clickhouse,dqe/dev/a=b=clickhouse"),
            (FunctionVariables.RotationClickHouseInstallation, "clickhouse/dqe")));

        Assert.Equal(Example, string.Join(',', options.ExternalSecrets));
        Assert.Equal([RotationEngine.Trino], options.EnginesOf("dqe/dev/trino"));
        Assert.Equal([RotationEngine.ClickHouse], options.EnginesOf("dqe/dev/clickhouse"));
        Assert.Equal([RotationEngine.ClickHouse], options.EnginesOf("dqe/dev/a=b"));
        Assert.Equal([RotationEngine.Trino, RotationEngine.ClickHouse], options.EnginesOf("dqe/dev/users/alice").Order());
        Assert.Equal(["clickhouse/clickhouse-users", "clickhouse/clickhouse-credentials"],
            options.SyncsOf(options.EnginesOf("dqe/dev/clickhouse")).Select(s => s.Target.ToString()));
        Assert.Equal(new RotationTarget("clickhouse", "dqe"), options.ClickHouseInstallation);
        Assert.Equal(RotationOptions.DefaultVerifyTimeout, options.VerifyTimeout);
    }

    [Fact]
    public void FromEnvironment_NoSecretEngines_EverySecretOnBothEngines()
    {
        var options = RotationOptions.FromEnvironment(new FakeEnvironment((FunctionVariables.RotationExternalSecrets, Example)));

        Assert.Empty(options.SecretEngines);
        Assert.Equal(2, options.EnginesOf("dqe/dev/trino").Count);
        Assert.Null(options.ClickHouseInstallation);
    }

    [Fact]
    public void FromEnvironment_GrafanaContract_DeploymentAndSecretKey()
    {
        var options = RotationOptions.FromEnvironment(new FakeEnvironment(
            (FunctionVariables.RotationExternalSecrets, Example + ",grafana:monitoring/dqe-grafana-admin"),
            (FunctionVariables.RotationSecretEngines, "dqe/dev/observability/grafana-admin=grafana"),
            (FunctionVariables.RotationGrafanaDeployment, "monitoring/kube-prometheus-stack-grafana"),
            (FunctionVariables.RotationGrafanaSecret, "monitoring/dqe-grafana-admin:admin-password")));

        Assert.Equal([RotationEngine.Grafana], options.EnginesOf("dqe/dev/observability/grafana-admin"));
        Assert.Equal(["monitoring/dqe-grafana-admin"], options.SyncsOf(options.EnginesOf("dqe/dev/observability/grafana-admin")).Select(s => s.Target.ToString()));
        Assert.Equal(new RotationTarget("monitoring", "kube-prometheus-stack-grafana"), options.GrafanaDeployment);
        Assert.Equal(new KubernetesSecretKey(new RotationTarget("monitoring", "dqe-grafana-admin"), "admin-password"), options.GrafanaSecret);
        // A person's secret stays on Trino and ClickHouse only.
        Assert.DoesNotContain(RotationEngine.Grafana, options.EnginesOf("dqe/dev/users/alice"));
    }

    [Theory]
    [InlineData("trino:t/a", "monitoring/d", "monitoring/g:admin-password",
        "environment variable DQE_ROTATION_SECRET_ENGINES: secret 's' is on grafana, but DQE_ROTATION_EXTERNAL_SECRETS lists no grafana ExternalSecret")]
    [InlineData("grafana:monitoring/g", null, "monitoring/g:admin-password",
        "environment variables DQE_ROTATION_GRAFANA_DEPLOYMENT and DQE_ROTATION_GRAFANA_SECRET are required when a secret is on grafana")]
    [InlineData("grafana:monitoring/g", "monitoring/d", null,
        "environment variables DQE_ROTATION_GRAFANA_DEPLOYMENT and DQE_ROTATION_GRAFANA_SECRET are required when a secret is on grafana")]
    [InlineData("grafana:monitoring/g", "grafana", "monitoring/g:k", "environment variable DQE_ROTATION_GRAFANA_DEPLOYMENT: 'grafana' is not namespace/name")]
    [InlineData("grafana:monitoring/g", "monitoring/d", "monitoring/g", "environment variable DQE_ROTATION_GRAFANA_SECRET: 'monitoring/g' is not namespace/name:key")]
    [InlineData("grafana:monitoring/g", "monitoring/d", "monitoring/g:", "environment variable DQE_ROTATION_GRAFANA_SECRET: 'monitoring/g:' is not namespace/name:key")]
    [InlineData("grafana:monitoring/g", "monitoring/d", "g:admin-password", "environment variable DQE_ROTATION_GRAFANA_SECRET: 'g:admin-password' is not namespace/name:key")]
    public void FromEnvironment_BadGrafanaValue_OneClearError(string syncs, string? deployment, string? secret, string expected)
    {
        var environment = new FakeEnvironment(
            (FunctionVariables.RotationExternalSecrets, syncs),
            (FunctionVariables.RotationSecretEngines, "s=grafana"),
            (FunctionVariables.RotationGrafanaDeployment, deployment),
            (FunctionVariables.RotationGrafanaSecret, secret));

        var error = Assert.Throws<InvalidOperationException>(() => RotationOptions.FromEnvironment(environment));

        Assert.Equal(expected, error.Message);
    }

    [Theory]
    [InlineData(null, null, null, "environment variable DQE_ROTATION_EXTERNAL_SECRETS must list the ExternalSecrets to re-sync (engine:namespace/name, comma separated)")]
    [InlineData(" , ", null, null, "environment variable DQE_ROTATION_EXTERNAL_SECRETS must list the ExternalSecrets to re-sync (engine:namespace/name, comma separated)")]
    [InlineData("trino/trino-password-file", null, null, "environment variable DQE_ROTATION_EXTERNAL_SECRETS: 'trino/trino-password-file' is not engine:namespace/name")]
    [InlineData("trino:trino", null, null, "environment variable DQE_ROTATION_EXTERNAL_SECRETS: 'trino:trino' is not engine:namespace/name")]
    [InlineData("trino:a/b/c", null, null, "environment variable DQE_ROTATION_EXTERNAL_SECRETS: 'trino:a/b/c' is not engine:namespace/name")]
    [InlineData("spark:spark/s", null, null, "environment variable DQE_ROTATION_EXTERNAL_SECRETS: 'spark:spark/s' names engine 'spark'; expected trino, clickhouse or grafana")]
    [InlineData("Trino:trino/t", null, null, "environment variable DQE_ROTATION_EXTERNAL_SECRETS: 'Trino:trino/t' names engine 'Trino'; expected trino, clickhouse or grafana")]
    [InlineData("trino:t/a,clickhouse:t/a", null, null, "environment variable DQE_ROTATION_EXTERNAL_SECRETS lists 't/a' twice")]
    [InlineData("trino:t/a", "dqe/dev/trino", null, "environment variable DQE_ROTATION_SECRET_ENGINES: 'dqe/dev/trino' is not secretName=engine")]
    [InlineData("trino:t/a", "=trino", null, "environment variable DQE_ROTATION_SECRET_ENGINES: '=trino' is not secretName=engine")]
    [InlineData("trino:t/a", "dqe/dev/trino=kafka", null, "environment variable DQE_ROTATION_SECRET_ENGINES: 'dqe/dev/trino=kafka' names engine 'kafka'; expected trino, clickhouse or grafana")]
    [InlineData("trino:t/a", "dqe/dev/trino=", null, "environment variable DQE_ROTATION_SECRET_ENGINES: 'dqe/dev/trino=' names engine ''; expected trino, clickhouse or grafana")]
    [InlineData("trino:t/a", "x=trino,x=trino", null, "environment variable DQE_ROTATION_SECRET_ENGINES lists secret 'x' twice")]
    [InlineData("trino:t/a", "dqe/dev/clickhouse=clickhouse", null,
        "environment variable DQE_ROTATION_SECRET_ENGINES: secret 'dqe/dev/clickhouse' is on clickhouse, but DQE_ROTATION_EXTERNAL_SECRETS lists no clickhouse ExternalSecret")]
    [InlineData("trino:t/a", null, "0", "environment variable DQE_ROTATION_VERIFY_SECONDS = '0' must be 1-900 seconds")]
    [InlineData("trino:t/a", null, "soon", "environment variable DQE_ROTATION_VERIFY_SECONDS = 'soon' must be 1-900 seconds")]
    public void FromEnvironment_BadValue_OneClearError(string? syncs, string? secretEngines, string? verifySeconds, string expected)
    {
        var environment = new FakeEnvironment(
            (FunctionVariables.RotationExternalSecrets, syncs),
            (FunctionVariables.RotationSecretEngines, secretEngines),
            (FunctionVariables.RotationVerifySeconds, verifySeconds));

        var error = Assert.Throws<InvalidOperationException>(() => RotationOptions.FromEnvironment(environment));

        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void FromEnvironment_BadInstallation_NamesTheVariable()
    {
        var error = Assert.Throws<InvalidOperationException>(() => RotationOptions.FromEnvironment(new FakeEnvironment(
            (FunctionVariables.RotationExternalSecrets, Example), (FunctionVariables.RotationClickHouseInstallation, "dqe"))));

        Assert.Equal("environment variable DQE_ROTATION_CLICKHOUSE_INSTALLATION: 'dqe' is not namespace/name", error.Message);
    }
}
