namespace Dqe.Core.Chaos.Campaigns;

/// <summary>Checks one steady-state probe: known type, the fields its type needs, a usable threshold.</summary>
internal static class ProbeValidator
{
    public static void Validate(ProbeSpec probe, string path, HashSet<string> names, Action<string, string> fail)
    {
        if (!CampaignValidator.NamePattern().IsMatch(probe.Name) || !names.Add(probe.Name))
        {
            fail($"{path}.name", $"'{probe.Name}' must be unique and 1-40 lowercase letters, digits or '-'");
        }

        CampaignValidator.PositiveDuration(probe.Timeout, $"{path}.timeout", TimeSpan.FromMinutes(5), fail);
        if (probe.Min is { } min && probe.Max is { } max && min > max)
        {
            fail($"{path}.min", $"must not exceed max ({min} > {max})");
        }

        switch (probe.Type)
        {
            case ProbeTypes.PromQl:
                Require(probe.Query, $"{path}.query", "a PromQL expression", fail);
                if (probe.Min is null && probe.Max is null)
                {
                    fail($"{path}.max", "a promql probe needs min or max");
                }

                break;
            case ProbeTypes.Latency:
                Require(probe.Query, $"{path}.query", "the SQL to time", fail);
                if (probe.Engine is not ("trino" or "clickhouse"))
                {
                    fail($"{path}.engine", "must be trino or clickhouse");
                }

                if (probe.Max is not > 0)
                {
                    fail($"{path}.max", "a latency probe needs max (milliseconds, > 0)");
                }

                break;
            case ProbeTypes.Trino or ProbeTypes.ClickHouse:
                break;
            default:
                fail($"{path}.type", $"unknown probe '{probe.Type}'; known: {string.Join(", ", ProbeTypes.All)}");
                break;
        }
    }

    private static void Require(string? value, string path, string what, Action<string, string> fail)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            fail(path, $"must be {what}");
        }
    }
}
