using Amazon.CDK;
using Amazon.CDK.AWS.StepFunctions;
using Amazon.CDK.AWS.StepFunctions.Tasks;
using Constructs;

namespace Dqe.Workflows.Building;

/// <summary>
/// Shapes of workflows whose handler takes one step per call, selected by an <c>action</c> field, and that
/// poll with Wait states instead of sleeping in a function.
/// </summary>
public static class ActionStep
{
    /// <summary>Invokes <paramref name="handler"/> with <c>{"action": action, key: $.path ...}</c>; the response goes to <paramref name="resultPath"/>.</summary>
    public static LambdaInvoke Invoke(Construct scope, WorkflowContext context, string handler, string id, string action, string resultPath,
        params (string Key, string Path)[] fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var payload = new Dictionary<string, object> { ["action"] = action };
        foreach (var (key, path) in fields)
        {
            payload[key] = path;
        }

        return Steps.Invoke(scope, id, context, handler, resultPath, TaskInput.FromObject(payload));
    }

    public static Wait Wait(Construct scope, string id, int seconds) => new(scope, id, new WaitProps { Time = WaitTime.Duration(Duration.Seconds(seconds)) });
}
