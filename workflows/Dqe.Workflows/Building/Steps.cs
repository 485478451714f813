using Amazon.CDK;
using Amazon.CDK.AWS.StepFunctions;
using Amazon.CDK.AWS.StepFunctions.Tasks;
using Constructs;
using Parallel = Amazon.CDK.AWS.StepFunctions.Parallel;

namespace Dqe.Workflows.Building;

/// <summary>
/// The task shapes Dqe workflows repeat, built one way: Lambda calls with the standard retry policy, and a
/// catch-all that routes any failure to a recovery path with the error kept under <c>$.error</c>.
/// </summary>
public static class Steps
{
    /// <summary>Error a handler raises for a failure worth retrying (timeouts, throttles, connection resets).</summary>
    public const string TransientError = "Dqe.TransientError";

    /// <summary>Lambda's own transient errors, as the Step Functions docs recommend retrying them.</summary>
    public static readonly string[] LambdaServiceErrors =
    [
        "Lambda.ServiceException", "Lambda.AWSLambdaException", "Lambda.SdkClientException", "Lambda.TooManyRequestsException",
    ];

    /// <summary>
    /// Invokes a handler's function with the state input (or <paramref name="payload"/>) and places its
    /// response at <paramref name="resultPath"/> (default: replaces the state). Retries transient errors with
    /// exponential backoff and full jitter, bounded.
    /// </summary>
    public static LambdaInvoke Invoke(Construct scope, string id, WorkflowContext context, string handler,
        string? resultPath = null, TaskInput? payload = null, int maxAttempts = 3)
    {
        ArgumentNullException.ThrowIfNull(context);
        var task = new LambdaInvoke(scope, id, new LambdaInvokeProps
        {
            LambdaFunction = context.FunctionOf(handler),
            // The response JSON is the state output: no SDK envelope to unwrap in every state.
            PayloadResponseOnly = true,
            Payload = payload,
            ResultPath = resultPath,
            RetryOnServiceExceptions = false,
        });
        task.AddRetry(new RetryProps
        {
            Errors = [.. LambdaServiceErrors, TransientError],
            Interval = Duration.Seconds(2),
            BackoffRate = 2,
            MaxAttempts = maxAttempts,
            MaxDelay = Duration.Seconds(60),
            JitterStrategy = JitterType.FULL,
        });
        return task;
    }

    /// <summary>Routes every error of <paramref name="task"/> to <paramref name="handler"/>, keeping the input and adding $.error.</summary>
    public static T CatchAll<T>(T task, IChainable handler)
        where T : TaskStateBase
    {
        ArgumentNullException.ThrowIfNull(task);
        task.AddCatch(handler, CatchEverything);
        return task;
    }

    /// <summary>Routes every error of a Map state (any failed item) to <paramref name="handler"/>.</summary>
    public static Map CatchAll(Map map, IChainable handler)
    {
        ArgumentNullException.ThrowIfNull(map);
        map.AddCatch(handler, CatchEverything);
        return map;
    }

    /// <summary>Routes every error of a Parallel state (any failed branch) to <paramref name="handler"/>.</summary>
    public static Parallel CatchAll(Parallel parallel, IChainable handler)
    {
        ArgumentNullException.ThrowIfNull(parallel);
        parallel.AddCatch(handler, CatchEverything);
        return parallel;
    }

    private static CatchProps CatchEverything => new() { Errors = [Errors.ALL], ResultPath = "$.error" };
}
