using System.Text.Json.Nodes;
using Dqe.Cdk.Tests.TestHelpers;
using static Dqe.Cdk.Tests.TestHelpers.TemplateJson;

namespace Dqe.Cdk.Tests.Delivery;

public sealed class PipelineStackTests
{
    private static readonly string[] Environments = ["dev", "staging", "prod", "dr"];

    [Fact]
    public void Stages_DeployTheEnvironmentsInOrderAfterBuildAndSelfUpdate()
    {
        var names = Stages().Select(s => (string)s!["Name"]!).ToList();

        Assert.Equal(["Source", "Build", "UpdatePipeline"], names.Take(3));
        Assert.Equal(Environments.Select(e => $"Dqe-{e}"), names.Where(n => n.StartsWith("Dqe-", StringComparison.Ordinal)));
        Assert.True(names.IndexOf("Dqe-dev") > names.IndexOf("UpdatePipeline"));
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("staging")]
    [InlineData("prod")]
    [InlineData("dr")]
    public void Stage_DiffStepRunsCdkDiffBeforeAnyDeploy(string env)
    {
        var actions = ActionsOf(env);

        var diff = Assert.Single(actions, a => (string)a["Name"]! == $"Diff-{env}");
        Assert.Equal("CodeBuild", (string?)diff["ActionTypeId"]!["Provider"]);
        Assert.All(Deploys(actions), d => Assert.True(RunOrder(d) > RunOrder(diff)));
        Assert.NotEmpty(Deploys(actions));
        var buildSpec = BuildSpecOf(diff);
        Assert.Contains($"cdk diff --app assembly-Dqe-Pipeline-Dqe-{env} --no-change-set", buildSpec, StringComparison.Ordinal);
        Assert.Contains($"npm install -g aws-cdk@{CliVersion()}", buildSpec, StringComparison.Ordinal);
    }

    [Fact]
    public void Prod_ManualApprovalAfterItsDiffBeforeItsDeploy_OnlyProd()
    {
        var prod = ActionsOf("prod");

        var approval = Assert.Single(prod, a => (string?)a["ActionTypeId"]!["Category"] == "Approval");
        Assert.True(RunOrder(approval) > RunOrder(prod.Single(a => (string)a["Name"]! == "Diff-prod")));
        Assert.All(Deploys(prod), d => Assert.True(RunOrder(d) > RunOrder(approval)));
        foreach (var env in Environments.Where(e => e != "prod"))
        {
            Assert.DoesNotContain(ActionsOf(env), a => (string?)a["ActionTypeId"]!["Category"] == "Approval");
        }
    }

    [Theory]
    [InlineData("dev", "eu-west-1")]
    [InlineData("prod", "eu-west-1")]
    [InlineData("dr", "eu-central-1")]
    public void Stage_DeploysIntoItsEnvironmentsRegion(string env, string region)
    {
        var deploys = Deploys(ActionsOf(env)).ToList();

        Assert.All(deploys, d => Assert.Equal(region, (string?)d["Region"] ?? "eu-west-1"));
        var stacks = deploys.Select(d => (string)d["Configuration"]!["StackName"]!).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(new[] { "Automation", "Engines", "Observability", "Platform" }.Select(s => $"Dqe-{env}-{s}"), stacks);
    }

    [Fact]
    public void Source_IsTheConfiguredConnectionWithNoSecretInTheTemplate()
    {
        var source = Assert.Single(Stages().Single(s => (string)s!["Name"]! == "Source")!["Actions"]!.AsArray())!;

        Assert.Equal("CodeStarSourceConnection", (string?)source["ActionTypeId"]!["Provider"]);
        Assert.Equal(PipelineSynth.ConnectionArn, (string?)source["Configuration"]!["ConnectionArn"]);
        Assert.Equal("dqe/dqe", (string?)source["Configuration"]!["FullRepositoryId"]);
        Assert.Null(source["Configuration"]!["OAuthToken"]);
    }

    [Fact]
    public void ArtifactBucket_KmsEncryptedWithRotatedKeyAndPrivate()
    {
        var template = PipelineSynth.Template;
        var bucket = Assert.Single(ResourceObjects(template, "AWS::S3::Bucket"))["Properties"]!;

        var encryption = bucket["BucketEncryption"]!["ServerSideEncryptionConfiguration"]![0]!["ServerSideEncryptionByDefault"]!;
        Assert.Equal("aws:kms", (string?)encryption["SSEAlgorithm"]);
        Assert.NotNull(encryption["KMSMasterKeyID"]);
        Assert.All(new[] { "BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets" },
            k => Assert.True((bool)bucket["PublicAccessBlockConfiguration"]![k]!));
        Assert.True((bool)Assert.Single(ResourceObjects(template, "AWS::KMS::Key"))["Properties"]!["EnableKeyRotation"]!);
    }

    [Fact]
    public void Iam_NoStatementAllowsEverythingOnEverything()
    {
        foreach (var (id, statement) in PolicyStatements(PipelineSynth.Template))
        {
            var actions = Strings(statement["Action"]);
            var resources = Strings(statement["Resource"]);
            Assert.False(resources.Contains("*") && actions.Any(a => a == "*" || a.EndsWith(":*", StringComparison.Ordinal)),
                $"{id}: {statement.ToJsonString()}");
        }
    }

    [Theory]
    [InlineData("dev", "eu-west-1")]
    [InlineData("dr", "eu-central-1")]
    public void DiffRole_MayOnlyAssumeTheLookupRoleOfItsEnvironment(string env, string region)
    {
        var template = PipelineSynth.Template;
        var project = Resources(template, "AWS::CodeBuild::Project").Single(p => Flatten(p.Resource["Properties"]!["Source"]!["BuildSpec"]).Contains($"assembly-Dqe-Pipeline-Dqe-{env} ", StringComparison.Ordinal));
        var roleId = (string)project.Resource["Properties"]!["ServiceRole"]!["Fn::GetAtt"]![0]!;

        var assumes = Resources(template, "AWS::IAM::Policy")
            .Where(p => p.Resource["Properties"]!["Roles"]!.AsArray().Any(r => (string?)r!["Ref"] == roleId))
            .SelectMany(p => p.Resource["Properties"]!["PolicyDocument"]!["Statement"]!.AsArray())
            .Where(s => Strings(s!["Action"]).Contains("sts:AssumeRole"))
            .ToList();
        var statement = Assert.Single(assumes)!;
        Assert.Equal($"arn:<token>:iam::{PipelineSynth.Account}:role/cdk-hnb659fds-lookup-role-{PipelineSynth.Account}-{region}", Flatten(statement["Resource"]));
    }

    private static JsonArray Stages() =>
        Assert.Single(ResourceObjects(PipelineSynth.Template, "AWS::CodePipeline::Pipeline"))["Properties"]!["Stages"]!.AsArray();

    private static IReadOnlyList<JsonObject> ActionsOf(string env) =>
        [.. Stages().Single(s => (string)s!["Name"]! == $"Dqe-{env}")!["Actions"]!.AsArray().Select(a => a!.AsObject())];

    private static IEnumerable<JsonObject> Deploys(IEnumerable<JsonObject> actions) =>
        actions.Where(a => (string?)a["ActionTypeId"]!["Provider"] == "CloudFormation");

    private static int RunOrder(JsonObject action) => (int?)action["RunOrder"] ?? 1;

    private static string BuildSpecOf(JsonObject action)
    {
        var projectId = (string)action["Configuration"]!["ProjectName"]!["Ref"]!;
        return Flatten(Resources(PipelineSynth.Template, "AWS::CodeBuild::Project").Single(p => p.Id == projectId).Resource["Properties"]!["Source"]!["BuildSpec"]);
    }

    private static string CliVersion() =>
        (string)JsonNode.Parse(File.ReadAllText(Path.Combine(CdkContext.RepositoryRoot, "package.json")))!["devDependencies"]!["aws-cdk"]!;
}
