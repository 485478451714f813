using Amazon.CDK.AWS.Lambda;

namespace Dqe.Workflows.Building;

/// <summary>What a workflow definition may use: the deployed function of each handler it declared.</summary>
/// <param name="EnvName">Environment name (dev, prod, ...).</param>
/// <param name="FunctionOf">The function of a declared handler; throws for undeclared ones.</param>
public sealed record WorkflowContext(string EnvName, Func<string, IFunction> FunctionOf);
