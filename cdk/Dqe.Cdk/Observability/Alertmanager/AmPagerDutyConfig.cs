namespace Dqe.Cdk.Observability.Alertmanager;

/// <summary>PagerDuty Events v2; the routing key is read from a mounted secret file.</summary>
public sealed record AmPagerDutyConfig(string RoutingKeyFile, string Severity, bool SendResolved = true);
