namespace Dqe.Cdk.Observability.Rules;

/// <summary>Alert severities; Alertmanager routes on these values.</summary>
public static class Severity
{
    public const string Critical = "critical";
    public const string Warning = "warning";
    public const string Info = "info";

    public static IReadOnlyList<string> All { get; } = [Critical, Warning, Info];
}
