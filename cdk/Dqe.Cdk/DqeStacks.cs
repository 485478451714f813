using Dqe.Cdk.Stacks;

namespace Dqe.Cdk;

/// <summary>The stacks of one environment, for tests and for later wiring.</summary>
public sealed record DqeStacks(PlatformStack Platform, AutomationStack Automation);
