namespace Dqe.Cdk.Observability.Alertmanager;

/// <summary>Mutes alerts matching the target matchers while an alert matching the source matchers fires with equal labels.</summary>
public sealed record AmInhibitRule(IReadOnlyList<string> SourceMatchers, IReadOnlyList<string> TargetMatchers, IReadOnlyList<string> Equal);
