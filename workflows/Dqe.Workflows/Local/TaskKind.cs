namespace Dqe.Workflows.Local;

public enum TaskKind
{
    /// <summary>Resource is the function ARN: the input is the event, the response is the output.</summary>
    LambdaFunction,

    /// <summary>arn:aws:states:::lambda:invoke: Parameters carry FunctionName and Payload; output wraps Payload.</summary>
    LambdaInvokeIntegration,

    /// <summary>arn:aws:states:::aws-sdk:SERVICE:ACTION.</summary>
    AwsSdk,

    /// <summary>Any other integration (sns:publish, dynamodb:putItem optimized integrations, ...).</summary>
    Integration,
}
