using System.Text.Json;

namespace Dqe.Core.Hosting.Telemetry;

/// <summary>
/// The one component that writes CloudWatch Embedded Metric Format: collects an invocation's metrics and
/// dimensions and writes them as a single JSON line under namespace <see cref="Namespace"/>, with one
/// dimension set holding every dimension (e.g. <c>["Handler","Workflow"]</c>). Limits from the EMF
/// specification are enforced when recording, so a flush never produces a line CloudWatch rejects.
/// </summary>
public sealed class EmfMetrics : IMetrics
{
    public const string Namespace = "Dqe";
    internal const int MaxDimensions = 30;
    internal const int MaxMetrics = 100;
    internal const int MaxValuesPerMetric = 100;

    private readonly JsonLineWriter _writer;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, string> _dimensions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (MetricUnit Unit, List<double> Values)> _metrics = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public EmfMetrics(JsonLineWriter writer, TimeProvider time, IEnumerable<KeyValuePair<string, string>> dimensions)
    {
        _writer = writer;
        _time = time;
        foreach (var (name, value) in dimensions)
        {
            SetDimension(name, value);
        }
    }

    public void Add(string name, double value, MetricUnit unit)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, $"metric '{name}' must be a finite number");
        }

        lock (_gate)
        {
            if (_dimensions.ContainsKey(name))
            {
                throw new ArgumentException($"'{name}' is already a dimension; a metric cannot share its name", nameof(name));
            }

            if (!_metrics.TryGetValue(name, out var metric))
            {
                if (_metrics.Count == MaxMetrics)
                {
                    throw new InvalidOperationException($"EMF allows at most {MaxMetrics} metrics per line; '{name}' is one too many");
                }

                metric = (unit, []);
                _metrics[name] = metric;
            }

            if (metric.Values.Count == MaxValuesPerMetric)
            {
                throw new InvalidOperationException($"EMF allows at most {MaxValuesPerMetric} values for metric '{name}'");
            }

            metric.Values.Add(value);
        }
    }

    public void SetDimension(string name, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(value);
        lock (_gate)
        {
            if (_metrics.ContainsKey(name))
            {
                throw new ArgumentException($"'{name}' is already a metric; a dimension cannot share its name", nameof(name));
            }

            if (!_dimensions.ContainsKey(name) && _dimensions.Count == MaxDimensions)
            {
                throw new InvalidOperationException($"EMF allows at most {MaxDimensions} dimensions; '{name}' is one too many");
            }

            _dimensions[name] = value;
        }
    }

    /// <summary>Writes the collected metrics as one EMF line and starts empty again; no line when nothing was recorded.</summary>
    public void Flush()
    {
        KeyValuePair<string, string>[] dimensions;
        KeyValuePair<string, (MetricUnit Unit, List<double> Values)>[] metrics;
        lock (_gate)
        {
            if (_metrics.Count == 0)
            {
                return;
            }

            dimensions = [.. _dimensions];
            metrics = [.. _metrics];
            _metrics.Clear();
        }

        var timestamp = _time.GetUtcNow().ToUnixTimeMilliseconds();
        _writer.WriteLine(json => WriteDocument(json, timestamp, dimensions, metrics));
    }

    private static void WriteDocument(
        Utf8JsonWriter json,
        long timestamp,
        KeyValuePair<string, string>[] dimensions,
        KeyValuePair<string, (MetricUnit Unit, List<double> Values)>[] metrics)
    {
        json.WriteStartObject("_aws");
        json.WriteNumber("Timestamp", timestamp);
        json.WriteStartArray("CloudWatchMetrics");
        json.WriteStartObject();
        json.WriteString("Namespace", Namespace);
        json.WriteStartArray("Dimensions");
        json.WriteStartArray();
        foreach (var (name, _) in dimensions)
        {
            json.WriteStringValue(name);
        }

        json.WriteEndArray();
        json.WriteEndArray();
        json.WriteStartArray("Metrics");
        foreach (var (name, metric) in metrics)
        {
            json.WriteStartObject();
            json.WriteString("Name", name);
            json.WriteString("Unit", UnitName(metric.Unit));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();

        foreach (var (name, value) in dimensions)
        {
            json.WriteString(name, value);
        }

        foreach (var (name, metric) in metrics)
        {
            if (metric.Values.Count == 1)
            {
                json.WriteNumber(name, metric.Values[0]);
                continue;
            }

            json.WriteStartArray(name);
            foreach (var value in metric.Values)
            {
                json.WriteNumberValue(value);
            }

            json.WriteEndArray();
        }
    }

    // Spelled out rather than Enum.ToString so the EMF strings cannot drift from CloudWatch's names.
    internal static string UnitName(MetricUnit unit) => unit switch
    {
        MetricUnit.Count => "Count",
        MetricUnit.Milliseconds => "Milliseconds",
        MetricUnit.Seconds => "Seconds",
        MetricUnit.Bytes => "Bytes",
        MetricUnit.Percent => "Percent",
        _ => "None",
    };
}
