namespace Dqe.Workflows.Local;

/// <summary>What a Task state calls, resolved from the synthesized template.</summary>
/// <param name="Resource">The state's Resource as deployed (placeholder account/region).</param>
/// <param name="Kind">How the task is invoked.</param>
/// <param name="Handler">Dqe handler name of the Lambda function (Lambda kinds only).</param>
/// <param name="SdkService">For aws-sdk integrations, the service (e.g. ec2).</param>
/// <param name="SdkAction">For aws-sdk integrations, the API action (e.g. createSnapshot).</param>
public sealed record TaskTarget(string Resource, TaskKind Kind, string? Handler = null, string? SdkService = null, string? SdkAction = null);
