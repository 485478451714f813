namespace Dqe.Cdk.Observability.Rules;

/// <summary>A named group of alert rules, evaluated together.</summary>
public sealed record AlertRuleGroup(string Name, IReadOnlyList<AlertRule> Rules);
