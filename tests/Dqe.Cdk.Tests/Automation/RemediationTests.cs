using System.Text.Json.Nodes;
using Dqe.Cdk.Observability;
using Dqe.Cdk.Tests.TestHelpers;
using Dqe.Core.Remediation.Lambda;

namespace Dqe.Cdk.Tests.Automation;

/// <summary>The remediation table, topic and private API, and what each remediation function may do.</summary>
public sealed class RemediationTests
{
    private static Amazon.CDK.Assertions.Template Automation => Synth.Env("dev").Automation;

    private static (string Id, JsonObject Resource) Single(string type) => Assert.Single(TemplateJson.Resources(Automation, type));

    private static JsonObject Properties(string type) => Single(type).Resource["Properties"]!.AsObject();

    [Fact]
    public void Table_Deployed_HasTheStoreKeysTtlPointInTimeRecoveryAndCustomerKey()
    {
        var table = Properties("AWS::DynamoDB::Table");

        Assert.Equal("""[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}]""", table["KeySchema"]!.ToJsonString());
        Assert.Equal("""{"AttributeName":"ttl","Enabled":true}""", table["TimeToLiveSpecification"]!.ToJsonString());
        Assert.True(table["PointInTimeRecoverySpecification"]!["PointInTimeRecoveryEnabled"]!.GetValue<bool>());
        Assert.Equal("KMS", table["SSESpecification"]!["SSEType"]!.GetValue<string>());
        Assert.Equal(Single("AWS::KMS::Key").Id, table["SSESpecification"]!["KMSMasterKeyId"]!["Fn::GetAtt"]![0]!.GetValue<string>());
        Assert.True(Properties("AWS::KMS::Key")["EnableKeyRotation"]!.GetValue<bool>());
    }

    [Fact]
    public void Topic_Deployed_EncryptedWithTheCustomerKey()
    {
        var topic = TemplateJson.ResourceObjects(Automation, "AWS::SNS::Topic")
            .Single(t => t["Properties"]!["TopicName"]?.GetValue<string>() == "dqe-dev-remediation-escalations")["Properties"]!;

        Assert.Equal(Single("AWS::KMS::Key").Id, topic["KmsMasterKeyId"]!["Fn::GetAtt"]![0]!.GetValue<string>());
    }

    [Fact]
    public void Api_Deployed_PrivateAndReachableOnlyThroughItsVpcEndpoint()
    {
        var api = Properties("AWS::ApiGateway::RestApi");
        var (endpointId, endpoint) = Single("AWS::EC2::VPCEndpoint");

        Assert.Equal(["PRIVATE"], TemplateJson.Strings(api["EndpointConfiguration"]!["Types"]));
        Assert.Equal(endpointId, api["EndpointConfiguration"]!["VpcEndpointIds"]![0]!["Ref"]!.GetValue<string>());
        Assert.Contains("execute-api", endpoint["Properties"]!["ServiceName"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.True(endpoint["Properties"]!["PrivateDnsEnabled"]!.GetValue<bool>());
        var statements = api["Policy"]!["Statement"]!.AsArray().Select(s => s!.AsObject()).ToList();
        var deny = Assert.Single(statements, s => s["Effect"]!.GetValue<string>() == "Deny");
        Assert.Equal(endpointId, deny["Condition"]!["StringNotEquals"]!["aws:SourceVpce"]!["Ref"]!.GetValue<string>());
        var allow = Assert.Single(statements, s => s["Effect"]!.GetValue<string>() == "Allow");
        Assert.Equal(endpointId, allow["Condition"]!["StringEquals"]!["aws:SourceVpce"]!["Ref"]!.GetValue<string>());
        Assert.Equal("execute-api:/*/POST/v1/alerts", allow["Resource"]!.GetValue<string>());
        var method = Properties("AWS::ApiGateway::Method");
        Assert.Equal(("POST", "AWS_PROXY"), (method["HttpMethod"]!.GetValue<string>(), method["Integration"]!["Type"]!.GetValue<string>()));
    }

    [Fact]
    public void Statements_RemediationServices_NeverOnAWildcardResource()
    {
        var statements = TemplateJson.PolicyStatements(Automation).Select(s => s.Statement)
            .Where(s => IamPolicies.Actions(s).Any(a => a.StartsWith("dynamodb:", StringComparison.Ordinal) || a.StartsWith("states:", StringComparison.Ordinal) || a.StartsWith("sns:", StringComparison.Ordinal)))
            .ToList();

        Assert.NotEmpty(statements);
        Assert.All(statements, s => Assert.DoesNotContain("\"*\"", s["Resource"]!.ToJsonString(), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(RemediationHandlerNames.Webhook, true, true, false)]
    [InlineData(RemediationHandlerNames.Act, true, false, false)]
    [InlineData(RemediationHandlerNames.Verify, true, false, false)]
    [InlineData(RemediationHandlerNames.Escalate, true, false, true)]
    public void Function_EachHandler_GetsExactlyItsTableStartAndPublishGrants(string handler, bool table, bool start, bool publish)
    {
        var (roleId, variables) = Function(handler);
        var statements = TemplateJson.Resources(Automation, "AWS::IAM::Policy")
            .Where(p => p.Resource["Properties"]!["Roles"]!.AsArray().Any(r => r!["Ref"]?.GetValue<string>() == roleId))
            .SelectMany(p => p.Resource["Properties"]!["PolicyDocument"]!["Statement"]!.AsArray().Select(s => s!.AsObject()))
            .ToList();
        bool Allows(string prefix, string resourceId) => statements.Any(s => IamPolicies.Actions(s).Any(a => a.StartsWith(prefix, StringComparison.Ordinal))
            && s["Resource"]!.ToJsonString().Contains(resourceId, StringComparison.Ordinal));

        Assert.Equal(table, Allows("dynamodb:PutItem", Single("AWS::DynamoDB::Table").Id));
        Assert.Equal(start, statements.Any(s => IamPolicies.Actions(s).Contains("states:StartExecution")));
        Assert.Equal(publish, statements.Any(s => IamPolicies.Actions(s).Contains("sns:Publish")));
        Assert.Equal(table, variables.ContainsKey(RemediationVariables.Table));
        if (start)
        {
            Assert.Equal(ObservabilitySecrets.Name("dev", ObservabilitySecrets.RemediationTokenName), variables[RemediationVariables.TokenSecret]!.GetValue<string>());
            var startStatement = Assert.Single(statements, s => IamPolicies.Actions(s).Contains("states:StartExecution"));
            Assert.Equal("dqe-dev-remediation", StateMachineName(startStatement["Resource"]!["Ref"]!.GetValue<string>()));
            Assert.Contains("secretsmanager:GetSecretValue", statements.SelectMany(IamPolicies.Actions));
        }
    }

    [Fact]
    public void Alertmanager_RemediationReceiver_PostsToThePrivateApi()
    {
        var config = TemplateJson.HelmValues(Synth.Env("dev").Observability, "kube-prometheus-stack")["alertmanager"]!["config"]!;
        var receiver = config["receivers"]!.AsArray().Single(r => r!["name"]!.GetValue<string>() == "dqe-remediation")!;

        var url = receiver["webhook_configs"]![0]!["url"]!.GetValue<string>();

        // Stage and API id are tokens from the Automation stack; the region and path are fixed.
        Assert.Matches(@"^https://<token>\.execute-api\.eu-west-1\.<token>/<token>/v1/alerts$", url);
    }

    private static (string RoleId, JsonObject Variables) Function(string handler)
    {
        var properties = TemplateJson.ResourceObjects(Automation, "AWS::Lambda::Function")
            .Select(f => f["Properties"]!.AsObject())
            .Single(p => p["Handler"]?.GetValue<string>() == handler);
        return (properties["Role"]!["Fn::GetAtt"]![0]!.GetValue<string>(), properties["Environment"]!["Variables"]!.AsObject());
    }

    private static string StateMachineName(string logicalId) =>
        TemplateJson.Of(Automation)["Resources"]![logicalId]!["Properties"]!["StateMachineName"]!.GetValue<string>();
}
