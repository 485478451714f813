namespace Dqe.Cdk.Observability.Alertmanager;

/// <summary>A routing tree node. Null members inherit from the parent route.</summary>
public sealed record AmRoute(
    string Receiver,
    IReadOnlyList<string>? Matchers = null,
    IReadOnlyList<string>? GroupBy = null,
    string? GroupWait = null,
    string? GroupInterval = null,
    string? RepeatInterval = null,
    bool? Continue = null,
    IReadOnlyList<AmRoute>? Routes = null);
