namespace Dqe.Workflows.Local;

/// <summary>Sends Lambda tasks to the handler router and AWS integrations to the API fake.</summary>
public sealed class TaskRouter(ITaskRouter handlers, ITaskRouter awsApis) : ITaskRouter
{
    public Task<TaskOutcome> InvokeAsync(TaskCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        return call.Target.Kind is TaskKind.LambdaFunction or TaskKind.LambdaInvokeIntegration
            ? handlers.InvokeAsync(call, cancellationToken)
            : awsApis.InvokeAsync(call, cancellationToken);
    }
}
