using System.Text.Json.Nodes;
using Amazon.CDK.Assertions;
using Dqe.Cdk.Observability;
using Dqe.Cdk.Observability.Alertmanager;
using Dqe.Cdk.Observability.Rules;
using Dqe.Cdk.Tests.TestHelpers;
using static Dqe.Cdk.Tests.TestHelpers.TemplateJson;

namespace Dqe.Cdk.Tests.Observability;

public sealed class ObservabilityStackTests
{
    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Charts_Versions_ArePinnedFromConfig(string env)
    {
        var synth = Synth.Env(env);
        var charts = synth.Config.Observability.Charts;

        Assert.Equal(charts.KubePrometheusStack, HelmChart(synth.Observability, "kube-prometheus-stack")["Version"]!.GetValue<string>());
        Assert.Equal(charts.Thanos, HelmChart(synth.Observability, "thanos")["Version"]!.GetValue<string>());
        Assert.Equal(charts.FluentBit, HelmChart(synth.Observability, "fluent-bit")["Version"]!.GetValue<string>());
    }

    [Fact]
    public void Prometheus_Values_Keep30DaysAndUploadToThanosOnIrsa()
    {
        var values = HelmValues(Synth.Env("dev").Observability, "kube-prometheus-stack");

        var prometheus = values["prometheus"]!;
        Assert.Equal("30d", prometheus["prometheusSpec"]!["retention"]!.GetValue<string>());
        Assert.Equal(ObservabilityNames.ThanosObjstoreSecret, prometheus["prometheusSpec"]!["thanos"]!["objectStorageConfig"]!["existingSecret"]!["name"]!.GetValue<string>());
        Assert.Equal(Token, prometheus["serviceAccount"]!["annotations"]!["eks.amazonaws.com/role-arn"]!.GetValue<string>());
        Assert.True(prometheus["prometheusSpec"]!["disableCompaction"]!.GetValue<bool>());
        Assert.False(prometheus["prometheusSpec"]!["ruleSelectorNilUsesHelmValues"]!.GetValue<bool>());
        Assert.All(MetricsPlatform.ReplacedDefaultRules, r => Assert.True(values["defaultRules"]!["disabled"]![r]!.GetValue<bool>()));
    }

    [Fact]
    public void Alertmanager_Values_AreTheGeneratedConfigWithReceiversSecretMounted()
    {
        var synth = Synth.Env("dev");
        var alertmanager = HelmValues(synth.Observability, "kube-prometheus-stack")["alertmanager"]!;

        // The remediation URL is the Automation stack's private API (a deploy-time value, a token here).
        var url = alertmanager["config"]!["receivers"]!.AsArray().Single(r => r!["name"]!.GetValue<string>() == AlertmanagerConfigBuilder.RemediationReceiver)!["webhook_configs"]![0]!["url"]!.GetValue<string>();
        var expected = AlertmanagerConfigRenderer.Render(AlertmanagerConfigBuilder.Build(synth.Config.Observability.Alerting with { RemediationWebhookUrl = url }));
        Assert.StartsWith("https://", url, StringComparison.Ordinal);
        Assert.True(JsonNode.DeepEquals(expected, alertmanager["config"]), "deployed Alertmanager config differs from the one amtool checks");
        Assert.Equal(ObservabilityNames.AlertmanagerSecret, Assert.Single(alertmanager["alertmanagerSpec"]!["secrets"]!.AsArray())!.GetValue<string>());
    }

    [Fact]
    public void Grafana_Values_ViewersOnlyAdminFromSecretAndBothDatasources()
    {
        var grafana = HelmValues(Synth.Env("dev").Observability, "kube-prometheus-stack")["grafana"]!;

        Assert.Equal(ObservabilityNames.GrafanaAdminSecret, grafana["admin"]!["existingSecret"]!.GetValue<string>());
        Assert.Null(grafana["adminPassword"]);
        Assert.Equal("Viewer", grafana["grafana.ini"]!["users"]!["auto_assign_org_role"]!.GetValue<string>());
        Assert.False(grafana["grafana.ini"]!["users"]!["allow_sign_up"]!.GetValue<bool>());
        Assert.False(grafana["grafana.ini"]!["auth.anonymous"]!["enabled"]!.GetValue<bool>());
        var types = grafana["additionalDataSources"]!.AsArray().Select(d => d!["type"]!.GetValue<string>()).ToList();
        Assert.Equal(["prometheus", "cloudwatch"], types);
        Assert.Equal("1", grafana["sidecar"]!["dashboards"]!["labelValue"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("dev", "7d", "30d", "90d")]
    [InlineData("prod", "30d", "365d", "1095d")]
    public void Thanos_Compactor_RetentionPerResolutionFromConfig(string env, string raw, string fiveMinutes, string oneHour)
    {
        var compactor = HelmValues(Synth.Env(env).Observability, "thanos")["compactor"]!;

        Assert.True(compactor["enabled"]!.GetValue<bool>());
        Assert.Equal(raw, compactor["retentionResolutionRaw"]!.GetValue<string>());
        Assert.Equal(fiveMinutes, compactor["retentionResolution5m"]!.GetValue<string>());
        Assert.Equal(oneHour, compactor["retentionResolution1h"]!.GetValue<string>());
    }

    [Fact]
    public void MetricsBucket_IsKmsEncryptedAndObjstoreHasNoKeys()
    {
        var template = Synth.Env("dev").Observability;

        template.HasResourceProperties("AWS::S3::Bucket", Match.ObjectLike(new Dictionary<string, object>
        {
            ["BucketEncryption"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["ServerSideEncryptionConfiguration"] = Match.ArrayWith([Match.ObjectLike(new Dictionary<string, object>
                {
                    ["ServerSideEncryptionByDefault"] = Match.ObjectLike(new Dictionary<string, object> { ["SSEAlgorithm"] = "aws:kms" }),
                })]),
            }),
        }));
        var objstore = KubernetesObject(template, "Secret", ObservabilityNames.ThanosObjstoreSecret)["stringData"]![ObservabilityNames.ThanosObjstoreKey]!.GetValue<string>();
        var config = JsonNode.Parse(objstore)!;
        Assert.Equal("S3", config["type"]!.GetValue<string>());
        Assert.Null(config["config"]!["access_key"]);
        Assert.Null(config["config"]!["secret_key"]);
        Assert.Equal("SSE-KMS", config["config"]!["sse_config"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public void Secrets_AreGeneratedNeverLiteral()
    {
        var secrets = ResourceObjects(Synth.Env("dev").Observability, "AWS::SecretsManager::Secret");

        Assert.Equal(4, secrets.Count);
        Assert.All(secrets, s =>
        {
            Assert.Null(s["Properties"]!["SecretString"]);
            Assert.NotNull(s["Properties"]!["GenerateSecretString"]);
        });
        var names = secrets.Select(s => s["Properties"]!["Name"]!.GetValue<string>()).Order().ToList();
        Assert.Equal(["dqe/dev/observability/alert-receivers", "dqe/dev/observability/grafana-admin", "dqe/dev/observability/opensearch-master", "dqe/dev/observability/remediation-token"], names);
    }

    [Fact]
    public void ExternalSecrets_ReferenceSecretsManagerByName()
    {
        var template = Synth.Env("dev").Observability;

        var receivers = KubernetesObject(template, "ExternalSecret", ObservabilityNames.AlertmanagerSecret);
        var keys = receivers["spec"]!["data"]!.AsArray().ToDictionary(d => d!["secretKey"]!.GetValue<string>(), d => d!["remoteRef"]!["key"]!.GetValue<string>());
        Assert.Equal("dqe/dev/observability/remediation-token", keys[ObservabilityNames.ReceiverKeys.RemediationToken]);
        Assert.Equal("dqe/dev/observability/alert-receivers", keys[ObservabilityNames.ReceiverKeys.PagerDutyRoutingKey]);
        Assert.Equal(ObservabilityNames.ClusterSecretStore, receivers["spec"]!["secretStoreRef"]!["name"]!.GetValue<string>());
        Assert.Equal("monitoring", KubernetesObject(template, "ExternalSecret", ObservabilityNames.GrafanaAdminSecret)["metadata"]!["namespace"]!.GetValue<string>());
    }

    [Fact]
    public void SecretReaders_AreScopedToTheSecretsOnly()
    {
        var policies = ResourceObjects(Synth.Env("dev").Observability, "AWS::IAM::Policy");

        var statements = policies.SelectMany(p => p["Properties"]!["PolicyDocument"]!["Statement"]!.AsArray())
            .Where(s => s!["Action"]!.ToJsonString().Contains("secretsmanager:GetSecretValue", StringComparison.Ordinal))
            .ToList();
        // minimizePolicies merges the four grants into one statement: exactly the four secrets, never "*".
        var statement = Assert.Single(statements)!;
        var resources = statement["Resource"]!.AsArray();
        Assert.Equal(4, resources.Count);
        Assert.All(resources, r => Assert.Equal("Ref", Assert.Single(r!.AsObject()).Key));
    }

    [Theory]
    [InlineData("prod", 6, true)]
    [InlineData("dev", 1, false)]
    public void LogDomain_IsPrivateEncryptedAndFineGrained(string env, int nodes, bool zoneAware)
    {
        var template = Synth.Env(env).Observability;

        template.HasResourceProperties("AWS::OpenSearchService::Domain", Match.ObjectLike(new Dictionary<string, object>
        {
            ["EncryptionAtRestOptions"] = Match.ObjectLike(new Dictionary<string, object> { ["Enabled"] = true, ["KmsKeyId"] = Match.AnyValue() }),
            ["NodeToNodeEncryptionOptions"] = new Dictionary<string, object> { ["Enabled"] = true },
            ["DomainEndpointOptions"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["EnforceHTTPS"] = true,
                ["TLSSecurityPolicy"] = "Policy-Min-TLS-1-2-2019-07",
            }),
            ["AdvancedSecurityOptions"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["Enabled"] = true,
                ["InternalUserDatabaseEnabled"] = true,
                ["MasterUserOptions"] = Match.ObjectLike(new Dictionary<string, object> { ["MasterUserName"] = ObservabilitySecrets.OpenSearchMasterUser }),
            }),
            ["ClusterConfig"] = Match.ObjectLike(new Dictionary<string, object> { ["InstanceCount"] = nodes, ["ZoneAwarenessEnabled"] = zoneAware }),
            ["VPCOptions"] = Match.ObjectLike(new Dictionary<string, object> { ["SubnetIds"] = Match.AnyValue() }),
        }));
        var domain = Assert.Single(ResourceObjects(template, "AWS::OpenSearchService::Domain"));
        var password = domain["Properties"]!["AdvancedSecurityOptions"]!["MasterUserOptions"]!["MasterUserPassword"]!.ToJsonString();
        Assert.Contains("resolve:secretsmanager:", password, StringComparison.Ordinal);
        Assert.Equal(zoneAware ? 3 : 1, domain["Properties"]!["VPCOptions"]!["SubnetIds"]!.AsArray().Count);
    }

    [Fact]
    public void LogDomain_SecurityGroup_AllowsOnlyHttpsFromTheCluster()
    {
        var groups = ResourceObjects(Synth.Env("dev").Observability, "AWS::EC2::SecurityGroup");

        var ingress = Assert.Single(Assert.Single(groups)["Properties"]!["SecurityGroupIngress"]!.AsArray())!;
        Assert.Equal(443, ingress["FromPort"]!.GetValue<int>());
        Assert.Equal(443, ingress["ToPort"]!.GetValue<int>());
        Assert.Null(ingress["CidrIp"]);
        Assert.Contains("ClusterSecurityGroupId", ingress["SourceSecurityGroupId"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void FluentBit_MayOnlyCallTheLogDomain()
    {
        var template = Synth.Env("dev").Observability;

        var statements = ResourceObjects(template, "AWS::IAM::Policy")
            .SelectMany(p => p["Properties"]!["PolicyDocument"]!["Statement"]!.AsArray())
            .Where(s => s!["Action"]!.ToJsonString().Contains("es:ESHttp", StringComparison.Ordinal))
            .ToList();
        var statement = Assert.Single(statements)!;
        var resources = statement["Resource"]!.ToJsonString();
        Assert.DoesNotContain("\"*\"", resources, StringComparison.Ordinal);
        Assert.Contains("Fn::GetAtt", resources, StringComparison.Ordinal);
        var fluentBit = HelmValues(template, "fluent-bit");
        Assert.Contains("AWS_Auth           On", fluentBit["config"]!["outputs"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("engine.$TAG", fluentBit["config"]!["filters"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dev", "7d")]
    [InlineData("prod", "30d")]
    public void IndexRetention_IsTheIsmPolicyFromConfig(string env, string age)
    {
        var configMap = KubernetesObjects(Synth.Env(env).Observability)
            .Single(o => o["kind"]!.GetValue<string>() == "ConfigMap" && o["metadata"]!["name"]!.GetValue<string>().StartsWith("opensearch-bootstrap-", StringComparison.Ordinal));

        var policy = JsonNode.Parse(configMap["data"]!["ism-policy.json"]!.GetValue<string>())!;
        Assert.Equal(age, policy["policy"]!["states"]![0]!["transitions"]![0]!["conditions"]!["min_index_age"]!.GetValue<string>());
        Assert.Equal("dqe-*", policy["policy"]!["ism_template"]![0]!["index_patterns"]![0]!.GetValue<string>());
        var mapping = JsonNode.Parse(configMap["data"]!["rolesmapping.json"]!.GetValue<string>())!;
        Assert.Equal(Token, Assert.Single(mapping["backend_roles"]!.AsArray())!.GetValue<string>());
    }

    [Fact]
    public void BootstrapJob_UsesTheSyncedMasterUserNotLiterals()
    {
        var job = KubernetesObjects(Synth.Env("dev").Observability).Single(o => o["kind"]!.GetValue<string>() == "Job");

        var container = job["spec"]!["template"]!["spec"]!["containers"]![0]!;
        var env = container["env"]!.AsArray().ToDictionary(e => e!["name"]!.GetValue<string>(), e => e!);
        Assert.Equal(ObservabilityNames.OpenSearchMasterSecret, env["OPENSEARCH_PASSWORD"]["valueFrom"]!["secretKeyRef"]!["name"]!.GetValue<string>());
        Assert.Null(env["OPENSEARCH_PASSWORD"]["value"]);
        Assert.Equal(Token, env["OPENSEARCH_ENDPOINT"]["value"]!.GetValue<string>());
        Assert.Equal(OpenSearchBootstrap.Image, container["image"]!.GetValue<string>());
    }

    [Fact]
    public void PrometheusRule_IsTheTestedRuleFile()
    {
        var synth = Synth.Env("prod");
        var alerting = synth.Config.Observability.Alerting;

        var rule = KubernetesObject(synth.Observability, "PrometheusRule", MonitoringContent.RuleName);

        var expected = RuleFileRenderer.Render(DqeAlertRules.For(alerting.Thresholds), alerting.RunbookBaseUrl);
        Assert.True(JsonNode.DeepEquals(expected, rule["spec"]), "deployed rules differ from the rule file promtool tests");
    }

    [Fact]
    public void Engines_AreScrapedByLabelConvention()
    {
        var monitor = KubernetesObject(Synth.Env("dev").Observability, "PodMonitor", MonitoringContent.EnginesMonitorName);

        Assert.Equal("true", monitor["spec"]!["selector"]!["matchLabels"]![ObservabilityNames.MetricsLabel]!.GetValue<string>());
        Assert.Equal(["trino", "clickhouse", "kafka", "spark"], monitor["spec"]!["namespaceSelector"]!["matchNames"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal("metrics", monitor["spec"]!["podMetricsEndpoints"]![0]!["port"]!.GetValue<string>());
    }

    [Fact]
    public void Dashboards_AreConfigMapsForTheGrafanaSidecar()
    {
        var configMaps = KubernetesObjects(Synth.Env("dev").Observability)
            .Where(o => o["kind"]!.GetValue<string>() == "ConfigMap" && o["metadata"]!["labels"]?[ObservabilityNames.DashboardLabel] is not null)
            .ToList();

        Assert.Equal(["dqe-clickhouse", "dqe-cluster-health", "dqe-reliability", "dqe-trino", "dqe-vpa"], configMaps.Select(c => c["metadata"]!["name"]!.GetValue<string>()).Order());
        Assert.All(configMaps, c =>
        {
            var name = c["metadata"]!["name"]!.GetValue<string>();
            var dashboard = JsonNode.Parse(c["data"]![$"{name}.json"]!.GetValue<string>())!;
            Assert.Equal(name, dashboard["uid"]!.GetValue<string>());
        });
    }
}
