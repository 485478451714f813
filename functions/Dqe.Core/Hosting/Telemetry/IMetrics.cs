namespace Dqe.Core.Hosting.Telemetry;

/// <summary>Metrics for one invocation, flushed as one CloudWatch Embedded Metric Format line.</summary>
public interface IMetrics
{
    /// <summary>Records a value; recording the same name again makes it a value array.</summary>
    void Add(string name, double value, MetricUnit unit);

    /// <summary>Sets a dimension (e.g. <c>Workflow</c>) applied to every metric of this invocation.</summary>
    void SetDimension(string name, string value);
}
