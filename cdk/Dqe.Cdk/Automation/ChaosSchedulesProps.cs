using Amazon.CDK.AWS.StepFunctions;

namespace Dqe.Cdk.Automation;

/// <summary>
/// Inputs of <see cref="ChaosSchedules"/>: the chaos state machine, the weekly-summary state machine (none: no
/// weekly rule) and the folder of campaign files (the repository's <c>chaos/campaigns</c>).
/// </summary>
public sealed record ChaosSchedulesProps(IStateMachine Chaos, IStateMachine? Weekly, string CampaignDirectory);
