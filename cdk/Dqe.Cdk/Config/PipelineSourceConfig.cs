namespace Dqe.Cdk.Config;

/// <summary>
/// The pipeline's source: a CodeStar (CodeConnections) connection to a hosted repository, or a CodeCommit
/// repository. Exactly one of <see cref="ConnectionArn"/> and <see cref="CodeCommitRepository"/> is set; no token
/// or password is ever configured (the connection is authorised once in the console).
/// </summary>
public sealed record PipelineSourceConfig
{
    /// <summary>ARN of a CodeStar/CodeConnections connection (arn:aws:codeconnections:REGION:ACCOUNT:connection/ID).</summary>
    public string? ConnectionArn { get; init; }

    /// <summary>OWNER/NAME of the repository behind <see cref="ConnectionArn"/>.</summary>
    public string? Repository { get; init; }

    /// <summary>Name of a CodeCommit repository in the pipeline account, instead of a connection.</summary>
    public string? CodeCommitRepository { get; init; }

    /// <summary>Branch whose pushes run the pipeline.</summary>
    public string Branch { get; init; } = "main";
}
