namespace Dqe.Cdk.Observability.Rules;

/// <summary>
/// One Prometheus alerting rule. Annotations are static text on purpose: the alert's labels carry the
/// context (namespace, pod, node), and static annotations keep the promtool tests exact.
/// </summary>
/// <param name="Name">Alert name (CamelCase, prefixed Dqe).</param>
/// <param name="Expr">PromQL expression; every series it returns fires.</param>
/// <param name="For">How long the expression must hold (Prometheus duration, e.g. 10m).</param>
/// <param name="Severity">critical (pages), warning (Slack) or info (email).</param>
/// <param name="Remediation">A <see cref="Dqe.Core.Remediation.RunbookActions"/> name the remediation workflow runs.</param>
/// <param name="Summary">One-line summary.</param>
/// <param name="Description">What it means and what to check first.</param>
public sealed record AlertRule(string Name, string Expr, string For, string Severity, string Remediation, string Summary, string Description);
