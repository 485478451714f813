namespace Dqe.Core.Remediation.Lambda;

/// <summary>Body of <c>AWSStepFunctions.StartExecution</c> (JSON 1.0).</summary>
public sealed record StartExecutionRequest(string StateMachineArn, string Name, string Input);
