using Amazon.CDK;
using Amazon.CDK.AWS.APIGateway;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.SecretsManager;
using Amazon.CDK.AWS.SNS;
using Amazon.CDK.AWS.SNS.Subscriptions;
using Constructs;
using Dqe.Cdk.Observability;
using Dqe.Cdk.Platform;
using Dqe.Core.Remediation.Lambda;
using Dqe.Workflows.Building;

namespace Dqe.Cdk.Automation;

/// <summary>
/// What alert remediation runs on besides its functions: the guardrail + audit table (pk/sk, TTL <c>ttl</c>,
/// point-in-time recovery, customer KMS key), the KMS-encrypted escalation topic, and a PRIVATE REST API
/// (POST /v1/alerts → webhook function) reachable only through its execute-api interface endpoint in the VPC
/// (resource policy allows that endpoint and nothing else). Each function gets exactly its table, topic,
/// secret and state machine grants and the <see cref="RemediationVariables"/> to find them.
/// </summary>
public sealed class Remediation : Construct
{
    private readonly string _topicName;

    public Remediation(Construct scope, string id, RemediationProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        var removal = props.Ephemeral ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN;
        _topicName = $"dqe-{props.EnvName}-remediation-escalations";
        Key = new Key(this, "Key", new KeyProps
        {
            Description = $"Dqe {props.EnvName}: remediation table and escalation topic",
            EnableKeyRotation = true,
            RemovalPolicy = removal,
        });
        Table = new Table(this, "Table", new TableProps
        {
            TableName = $"dqe-{props.EnvName}-remediation",
            PartitionKey = new Amazon.CDK.AWS.DynamoDB.Attribute { Name = "pk", Type = AttributeType.STRING },
            SortKey = new Amazon.CDK.AWS.DynamoDB.Attribute { Name = "sk", Type = AttributeType.STRING },
            TimeToLiveAttribute = "ttl",
            PointInTimeRecovery = true,
            Encryption = TableEncryption.CUSTOMER_MANAGED,
            EncryptionKey = Key,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            RemovalPolicy = removal,
        });
        Topic = new Topic(this, "Escalations", new TopicProps
        {
            TopicName = _topicName,
            DisplayName = "Dqe remediation escalations",
            MasterKey = Key,
            EnforceSSL = true,
        });
        if (props.EscalationEmail.Length > 0)
        {
            Topic.AddSubscription(new EmailSubscription(props.EscalationEmail));
        }

        TokenSecret = Secret.FromSecretNameV2(this, "Token", ObservabilitySecrets.Name(props.EnvName, ObservabilitySecrets.RemediationTokenName));

        Endpoint = new InterfaceVpcEndpoint(this, "ApiEndpoint", new InterfaceVpcEndpointProps
        {
            Vpc = props.Vpc,
            Service = InterfaceVpcEndpointAwsService.APIGATEWAY,
            Subnets = Network.PrivateSubnets,
            PrivateDnsEnabled = true,
            Open = false,
        });
        // Alertmanager runs on the cluster nodes in the private subnets: only the VPC reaches the endpoint, only on 443.
        Endpoint.Connections.AllowFrom(Peer.Ipv4(props.Vpc.VpcCidrBlock), Port.Tcp(443), "HTTPS from the VPC (Alertmanager)");
        Api = PrivateApi(props);

        foreach (var function in props.Steps.Values.Append(props.Webhook))
        {
            GrantTable(function);
        }

        GrantWebhook(props.Webhook, props.StateMachine);
        GrantEscalate(props.Steps[props.EscalationHandler]);
    }

    public Key Key { get; }

    public Table Table { get; }

    public Topic Topic { get; }

    public ISecret TokenSecret { get; }

    public InterfaceVpcEndpoint Endpoint { get; }

    public RestApi Api { get; }

    /// <summary>The URL Alertmanager posts to (resolvable inside the VPC through the endpoint's private DNS).</summary>
    public string WebhookUrl => Api.UrlForPath("/v1/alerts");

    /// <summary>Read and write of the table (and its key), with the table name in the environment.</summary>
    public void GrantTable(DqeFunction function)
    {
        ArgumentNullException.ThrowIfNull(function);
        Table.GrantReadWriteData(function.Function);
        function.Function.AddEnvironment(RemediationVariables.Table, Table.TableName);
    }

    /// <summary>Publish to the escalation topic (and the key it is encrypted with).</summary>
    public void GrantEscalate(DqeFunction function)
    {
        ArgumentNullException.ThrowIfNull(function);
        Topic.GrantPublish(function.Function);
        Key.Grant(function.Function, "kms:GenerateDataKey*", "kms:Decrypt");
        function.Function.AddEnvironment(RemediationVariables.TopicArn, Topic.TopicArn);
    }

    /// <summary>
    /// Lets this account's CloudWatch alarms named <paramref name="alarmNamePrefix"/>* notify the escalation topic:
    /// sns:Publish in the topic policy, and (the topic is SSE-KMS, so the publisher needs the data key) kms:Decrypt and
    /// kms:GenerateDataKey* in the key policy, only from those alarms (aws:SourceArn, aws:SourceAccount: the confused
    /// deputy conditions) and only for messages of this topic (the encryption context SNS sets).
    /// </summary>
    public void GrantAlarmPublish(string alarmNamePrefix)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(alarmNamePrefix);
        var stack = Stack.Of(this);
        var alarms = stack.FormatArn(new ArnComponents
        {
            Service = "cloudwatch",
            Resource = "alarm",
            ResourceName = alarmNamePrefix + "*",
            ArnFormat = ArnFormat.COLON_RESOURCE_NAME,
        });
        Dictionary<string, object> FromAlarms(params (string Key, object Value)[] equals) => new()
        {
            ["ArnLike"] = new Dictionary<string, object> { ["aws:SourceArn"] = alarms },
            ["StringEquals"] = equals.Append(("aws:SourceAccount", stack.Account)).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal),
        };
        var cloudWatch = new ServicePrincipal("cloudwatch.amazonaws.com");
        Topic.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "AlarmsPublish",
            Principals = [cloudWatch],
            Actions = ["sns:Publish"],
            Resources = [Topic.TopicArn],
            Conditions = FromAlarms(),
        }));
        Key.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "AlarmsEncryptEscalations",
            Principals = [cloudWatch],
            Actions = ["kms:Decrypt", "kms:GenerateDataKey*"],
            // A key policy's resource is the key itself.
            Resources = ["*"],
            // The topic's ARN from its name: a Ref would make the key depend on the topic encrypted with it (a cycle).
            Conditions = FromAlarms(("kms:EncryptionContext:aws:sns:topicArn", stack.FormatArn(new ArnComponents
            {
                Service = "sns",
                Resource = _topicName,
                ArnFormat = ArnFormat.NO_RESOURCE_NAME,
            }))),
        }));
    }

    /// <summary>The token secret and StartExecution on the remediation state machine only.</summary>
    public void GrantWebhook(DqeFunction function, DqeStateMachine stateMachine)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(stateMachine);
        TokenSecret.GrantRead(function.Function);
        stateMachine.GrantStartExecution(function.Function);
        function.Function.AddEnvironment(RemediationVariables.TokenSecret, TokenSecret.SecretName);
        function.Function.AddEnvironment(RemediationVariables.StateMachineArn, stateMachine.StateMachine.StateMachineArn);
    }

    private RestApi PrivateApi(RemediationProps props)
    {
        var accessLogs = new LogGroup(this, "ApiAccessLogs", new LogGroupProps
        {
            Retention = Retention.From(props.LogRetentionDays),
            RemovalPolicy = RemovalPolicy.DESTROY,
        });
        var api = new RestApi(this, "Api", new RestApiProps
        {
            RestApiName = $"dqe-{props.EnvName}-remediation",
            Description = $"Dqe {props.EnvName}: Alertmanager remediation webhook (private, VPC endpoint only)",
            EndpointConfiguration = new EndpointConfiguration { Types = [EndpointType.PRIVATE], VpcEndpoints = [Endpoint] },
            Policy = new PolicyDocument(new PolicyDocumentProps
            {
                Statements =
                [
                    new PolicyStatement(new PolicyStatementProps
                    {
                        Effect = Effect.DENY,
                        Principals = [new AnyPrincipal()],
                        Actions = ["execute-api:Invoke"],
                        Resources = ["execute-api:/*"],
                        Conditions = new Dictionary<string, object> { ["StringNotEquals"] = new Dictionary<string, object> { ["aws:SourceVpce"] = Endpoint.VpcEndpointId } },
                    }),
                    new PolicyStatement(new PolicyStatementProps
                    {
                        Effect = Effect.ALLOW,
                        Principals = [new AnyPrincipal()],
                        Actions = ["execute-api:Invoke"],
                        Resources = ["execute-api:/*/POST/v1/alerts"],
                        Conditions = new Dictionary<string, object> { ["StringEquals"] = new Dictionary<string, object> { ["aws:SourceVpce"] = Endpoint.VpcEndpointId } },
                    }),
                ],
            }),
            DeployOptions = new StageOptions
            {
                StageName = props.StageName,
                ThrottlingRateLimit = props.ThrottleRatePerSecond,
                ThrottlingBurstLimit = props.ThrottleRatePerSecond * 2,
                TracingEnabled = true,
                AccessLogDestination = new LogGroupLogDestination(accessLogs),
                AccessLogFormat = AccessLogFormat.JsonWithStandardFields(),
            },
            CloudWatchRole = false,
        });
        // Bearer authentication is the webhook's own (constant-time, several tokens during rotation); the API adds the network boundary.
        api.Root.AddResource("v1").AddResource("alerts").AddMethod("POST", new LambdaIntegration(props.Webhook.Function, new LambdaIntegrationOptions { Proxy = true }));
        return api;
    }
}
