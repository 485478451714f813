using Amazon.CDK;
using Amazon.CDK.AWS.CodeBuild;
using Amazon.CDK.AWS.CodeCommit;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.Pipelines;
using Constructs;

namespace Dqe.Cdk.Delivery;

/// <summary>
/// CDK Pipelines definition that builds the repository (dotnet + <c>cdk synth -c mode=pipeline</c>) and deploys
/// the environments one after another. Before each environment a CodeBuild step prints <c>cdk diff</c> of its
/// stacks into the build log; where configured, a manual approval follows the diff and precedes the deploy.
/// </summary>
public sealed class DeliveryPipeline : Construct
{
    /// <summary>Qualifier of the default CDK bootstrap; the diff step reads deployed templates through its lookup role.</summary>
    public const string BootstrapQualifier = "hnb659fds";

    private readonly string _cliVersion;

    public DeliveryPipeline(Construct scope, string id, DeliveryPipelineProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        _cliVersion = props.CliVersion;
        var source = props.Config.Source;
        var input = source.ConnectionArn is { } connection
            ? CodePipelineSource.Connection(source.Repository!, source.Branch, new ConnectionSourceOptions { ConnectionArn = connection })
            : CodePipelineSource.CodeCommit(Repository.FromRepositoryName(this, "Repository", source.CodeCommitRepository!), source.Branch);

        Synth = new ShellStep("Synth", new ShellStepProps
        {
            Input = input,
            InstallCommands =
            [
                // The image has no .NET 10: install the SDK global.json pins, and clang for the Native AOT function package.
                "curl -fsSL https://dot.net/v1/dotnet-install.sh -o /tmp/dotnet-install.sh",
                "bash /tmp/dotnet-install.sh --jsonfile global.json --install-dir /root/.dotnet",
                "apt-get update -q && apt-get install -y -q clang zlib1g-dev",
            ],
            Commands =
            [
                "export PATH=/root/.dotnet:$PATH DOTNET_CLI_TELEMETRY_OPTOUT=1",
                "npm ci",
                "npx cdk synth -c mode=pipeline",
            ],
            PrimaryOutputDirectory = "cdk.out",
        });

        Pipeline = new CodePipeline(this, "Pipeline", new CodePipelineProps
        {
            PipelineName = "dqe",
            Synth = Synth,
            // A KMS key (rotated) encrypts the artifact buckets, and lets the DR region and other accounts read them.
            CrossAccountKeys = true,
            EnableKeyRotation = true,
            CliVersion = props.CliVersion,
            SelfMutation = true,
            CodeBuildDefaults = new CodeBuildOptions
            {
                BuildEnvironment = new BuildEnvironment { BuildImage = LinuxBuildImage.STANDARD_7_0, ComputeType = ComputeType.LARGE },
            },
        });
    }

    public CodePipeline Pipeline { get; }

    /// <summary>The build: its primary output is the cloud assembly every later step works from.</summary>
    public ShellStep Synth { get; }

    /// <summary>Deploys <paramref name="stage"/> after a diff step and, when <paramref name="approval"/>, a manual approval.</summary>
    public StageDeployment AddEnvironment(EnvironmentStage stage, bool approval)
    {
        ArgumentNullException.ThrowIfNull(stage);
        var env = stage.Config.Env;
        var diff = Diff(stage);
        Step[] pre = approval
            ? Step.Sequence([diff, new ManualApprovalStep($"Approve-{env}", new ManualApprovalStepProps
            {
                Comment = $"Read the Diff-{env} build log (cdk diff of every {env} stack) before approving the {env} deploy.",
            })])
            : [diff];
        return Pipeline.AddStage(stage, new AddStageOpts { Pre = pre });
    }

    /// <summary>
    /// <c>cdk diff</c> of the stage's stacks against what is deployed, printed into the CodeBuild log. It may only
    /// assume the bootstrap lookup role of the stage's account and region (read-only), never deploy.
    /// </summary>
    private CodeBuildStep Diff(EnvironmentStage stage)
    {
        var account = stage.Account ?? throw new InvalidOperationException($"stage {stage.StageName} has no account");
        var region = stage.Region ?? throw new InvalidOperationException($"stage {stage.StageName} has no region");
        return new CodeBuildStep($"Diff-{stage.Config.Env}", new CodeBuildStepProps
        {
            Input = Synth,
            InstallCommands = [$"npm install -g aws-cdk@{_cliVersion}"],
            // No change set: the diff reads templates only and creates nothing in the target account.
            Commands = [$"cdk diff --app {stage.ArtifactId} --no-change-set"],
            RolePolicyStatements =
            [
                new PolicyStatement(new PolicyStatementProps
                {
                    Actions = ["sts:AssumeRole"],
                    Resources = [$"arn:{Aws.PARTITION}:iam::{account}:role/cdk-{BootstrapQualifier}-lookup-role-{account}-{region}"],
                }),
            ],
        });
    }
}
