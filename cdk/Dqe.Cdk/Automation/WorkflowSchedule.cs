using Amazon.CDK;
using Amazon.CDK.AWS.Events;
using Amazon.CDK.AWS.Events.Targets;
using Amazon.CDK.AWS.SQS;
using Constructs;

namespace Dqe.Cdk.Automation;

/// <summary>
/// One EventBridge rule that starts a state machine on a schedule: the shape every scheduled workflow (backups, DR
/// drills, chaos campaigns and sweeps, benchmarks) shares. The target role is the state machine's own events role
/// (states:StartExecution on that machine only). Every target gets the same delivery policy: EventBridge retries a
/// failed start (throttling, execution limit) up to <see cref="RetryAttempts"/> times within <see cref="MaxEventAge"/>
/// (its default, 185 times over 24 hours, would start a nightly run in the working day or on top of the next one),
/// and what still fails lands in the stack's one <see cref="DeadLetters"/> queue instead of vanishing, so a missed
/// drill or backup stays visible for 14 days. The queue accepts messages only from these rules.
/// The rule is the construct's default child, so its logical id is what a rule created at this path would have.
/// </summary>
public sealed class WorkflowSchedule : Construct
{
    /// <summary>Attempts EventBridge makes to start the workflow before it dead-letters the firing.</summary>
    public const int RetryAttempts = 5;

    /// <summary>Id of the stack-level dead-letter queue all schedules share.</summary>
    public const string DeadLettersId = "ScheduleDeadLetters";

    /// <summary>How late a firing may still start the workflow.</summary>
    public static readonly Duration MaxEventAge = Duration.Hours(1);

    public WorkflowSchedule(Construct scope, string id, WorkflowScheduleProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        ArgumentNullException.ThrowIfNull(props.Schedule);
        ArgumentNullException.ThrowIfNull(props.StateMachine);
        DeadLetters = DeadLettersOf(Stack.Of(this));
        Rule = new Rule(this, "Default", new RuleProps
        {
            Description = props.Description,
            Schedule = props.Schedule,
            Enabled = props.Enabled,
            Targets = [new SfnStateMachine(props.StateMachine, new SfnStateMachineProps
            {
                Input = props.Input is { } input ? RuleTargetInput.FromObject(input) : null,
                DeadLetterQueue = DeadLetters,
                RetryAttempts = RetryAttempts,
                MaxEventAge = MaxEventAge,
            })],
        });
    }

    public Rule Rule { get; }

    /// <summary>The stack's dead-letter queue of scheduled firings that could not start their workflow.</summary>
    public IQueue DeadLetters { get; }

    /// <summary>The dead-letter queue of the schedules in <paramref name="scope"/>'s stack; null while it has none.</summary>
    public static IQueue? FindDeadLetters(IConstruct scope) => Stack.Of(scope).Node.TryFindChild(DeadLettersId) as IQueue;

    private static IQueue DeadLettersOf(Stack stack) =>
        FindDeadLetters(stack) ?? new Queue(stack, DeadLettersId, new QueueProps
        {
            Encryption = QueueEncryption.SQS_MANAGED,
            EnforceSSL = true,
            RetentionPeriod = Duration.Days(14),
        });
}
