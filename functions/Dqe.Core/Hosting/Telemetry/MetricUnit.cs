namespace Dqe.Core.Hosting.Telemetry;

/// <summary>CloudWatch units Dqe emits (the EMF <c>Unit</c> string is the member name).</summary>
public enum MetricUnit
{
    None,
    Count,
    Milliseconds,
    Seconds,
    Bytes,
    Percent,
}
