using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Dqe.Cdk.Config;

/// <summary>Reads and validates <c>dqe:pipeline</c>, and the configuration of every environment it deploys.</summary>
public static partial class PipelineConfigLoader
{
    public const string PipelineKey = "dqe:pipeline";

    /// <returns>The pipeline settings and each stage's validated environment config, in stage order.</returns>
    public static (PipelineConfig Pipeline, IReadOnlyList<DqeConfig> Stages) Load(Func<string, object?> tryGetContext)
    {
        ArgumentNullException.ThrowIfNull(tryGetContext);
        if (ConfigLoader.ToNode(tryGetContext(PipelineKey)) is not JsonObject node)
        {
            throw new ConfigException($"mode=pipeline but cdk.json has no '{PipelineKey}' object: the pipeline is off until it is configured (see README, Delivery)");
        }

        PipelineConfig pipeline;
        try
        {
            pipeline = node.Deserialize<PipelineConfig>(ContextJson.Config) ?? new PipelineConfig();
        }
        catch (JsonException e)
        {
            throw new ConfigException($"{PipelineKey}: invalid configuration at {e.Path?.TrimStart('$', '.')}: {e.Message.Split(". ")[0].TrimEnd('.')}");
        }

        var errors = Validate(pipeline);
        if (errors.Count > 0)
        {
            throw new ConfigException($"{PipelineKey}: {string.Join("; ", errors)}");
        }

        // Each environment is loaded exactly as `-c env=NAME` would load it, so its errors read the same.
        var stages = pipeline.Stages.Select(stage => ConfigLoader.Load(key => key == ConfigLoader.EnvKey ? stage : tryGetContext(key))).ToList();
        return (pipeline, stages);
    }

    internal static IReadOnlyList<string> Validate(PipelineConfig pipeline)
    {
        var errors = new List<string>();
        void Check(bool ok, string message)
        {
            if (!ok)
            {
                errors.Add(message);
            }
        }

        Check(AccountPattern().IsMatch(pipeline.Account), $"account = '{pipeline.Account}' must be the 12-digit AWS account id the pipeline runs in");
        Check(RegionPattern().IsMatch(pipeline.Region), $"region = '{pipeline.Region}' is not an AWS region name (e.g. eu-west-1)");
        var source = pipeline.Source;
        Check(source.ConnectionArn is null != source.CodeCommitRepository is null,
            "source: set exactly one of connectionArn (with repository) and codeCommitRepository");
        Check(source.ConnectionArn is null || ConnectionArnPattern().IsMatch(source.ConnectionArn),
            $"source.connectionArn = '{source.ConnectionArn}' is not a CodeStar/CodeConnections connection ARN");
        Check(source.ConnectionArn is null || (source.Repository is { } repo && RepositoryPattern().IsMatch(repo)),
            $"source.repository = '{source.Repository}' must be OWNER/NAME of the connected repository");
        Check(source.CodeCommitRepository is null || CodeCommitPattern().IsMatch(source.CodeCommitRepository),
            $"source.codeCommitRepository = '{source.CodeCommitRepository}' is not a CodeCommit repository name");
        Check(BranchPattern().IsMatch(source.Branch), $"source.branch = '{source.Branch}' is not a branch name");
        Check(pipeline.Stages.Count > 0 && pipeline.Stages.Distinct(StringComparer.Ordinal).Count() == pipeline.Stages.Count,
            "stages must list at least one environment, each once");
        foreach (var approval in pipeline.ApprovalBefore)
        {
            Check(pipeline.Stages.Contains(approval), $"approvalBefore: '{approval}' is not one of the stages ({string.Join(", ", pipeline.Stages)})");
        }

        return errors;
    }

    [GeneratedRegex(@"^\d{12}$")]
    private static partial Regex AccountPattern();

    [GeneratedRegex(@"^[a-z]{2}(-gov)?-[a-z]+-\d$")]
    private static partial Regex RegionPattern();

    [GeneratedRegex(@"^arn:aws[a-z-]*:(codestar-connections|codeconnections):[a-z0-9-]+:\d{12}:connection/[0-9a-f-]{36}$")]
    private static partial Regex ConnectionArnPattern();

    [GeneratedRegex(@"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$")]
    private static partial Regex RepositoryPattern();

    [GeneratedRegex(@"^[\w.-]{1,100}$")]
    private static partial Regex CodeCommitPattern();

    [GeneratedRegex(@"^[A-Za-z0-9._/-]{1,255}$")]
    private static partial Regex BranchPattern();
}
