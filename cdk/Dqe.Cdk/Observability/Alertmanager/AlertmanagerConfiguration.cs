namespace Dqe.Cdk.Observability.Alertmanager;

/// <summary>An Alertmanager configuration file; rendered with snake_case keys by <see cref="AlertmanagerConfigRenderer"/>.</summary>
public sealed record AlertmanagerConfiguration(
    AmGlobal Global,
    AmRoute Route,
    IReadOnlyList<AmReceiver> Receivers,
    IReadOnlyList<AmInhibitRule> InhibitRules);
