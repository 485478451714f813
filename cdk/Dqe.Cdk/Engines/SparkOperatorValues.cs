namespace Dqe.Cdk.Engines;

/// <summary>Values of the Kubeflow spark-operator chart (2.x layout).</summary>
internal sealed record SparkOperatorValues(
    SparkOperatorValues.SparkValues Spark,
    SparkOperatorValues.ComponentValues Controller,
    SparkOperatorValues.WebhookValues Webhook,
    SparkOperatorValues.PrometheusValues Prometheus)
{
    internal sealed record SparkValues(IReadOnlyList<string> JobNamespaces, AccountValues ServiceAccount, RbacValues Rbac);

    internal sealed record AccountValues(bool Create, string Name);

    internal sealed record RbacValues(bool Create);

    internal sealed record ComponentValues(int Replicas, object NodeSelector);

    internal sealed record WebhookValues(bool Enable, object NodeSelector);

    internal sealed record PrometheusValues(MetricsValues Metrics, PodMonitorValues PodMonitor);

    internal sealed record MetricsValues(bool Enable, int Port);

    internal sealed record PodMonitorValues(bool Create, IReadOnlyDictionary<string, string> Labels);
}
