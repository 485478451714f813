namespace Dqe.Cdk.Tests.Observability.Rules;

/// <summary>
/// One promtool unit test of one alert: input series (1-minute interval), the evaluation time, and the labels
/// the alert fires with (besides severity and remediation), or null when it must not fire.
/// </summary>
public sealed record RuleCase(string Name, string Alert, string EvalTime, IReadOnlyList<(string Series, string Values)> Series, IReadOnlyDictionary<string, string>? FiresWith)
{
    public override string ToString() => Name;
}
