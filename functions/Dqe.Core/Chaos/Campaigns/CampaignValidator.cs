using System.Text.RegularExpressions;

namespace Dqe.Core.Chaos.Campaigns;

/// <summary>
/// Semantic checks a schema cannot express: blast radius within <see cref="ChaosLimits"/>, namespaces
/// allowed and not protected, selectors present and well-formed, durations positive and nested, probe
/// references resolvable. Returns every error with the path of its field.
/// </summary>
public static partial class CampaignValidator
{
    private static readonly string[] Modes = ["one", "all", "fixed", "fixed-percent"];
    private static readonly string[] Directions = ["to", "from", "both"];

    public static IReadOnlyList<CampaignError> Validate(ChaosCampaign campaign)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var errors = new List<CampaignError>();
        void Fail(string path, string message) => errors.Add(new CampaignError(path, message));

        if (campaign.ApiVersion != ChaosCampaign.CurrentApiVersion)
        {
            Fail("$.apiVersion", $"must be {ChaosCampaign.CurrentApiVersion}, got '{campaign.ApiVersion}'");
        }

        if (campaign.Kind != ChaosCampaign.CampaignKind)
        {
            Fail("$.kind", $"must be {ChaosCampaign.CampaignKind}, got '{campaign.Kind}'");
        }

        if (!NamePattern().IsMatch(campaign.Name))
        {
            Fail("$.name", "must be 1-40 lowercase letters, digits or '-', starting with a letter (it names Kubernetes objects)");
        }

        var radius = campaign.EffectiveBlastRadius;
        ValidateBlastRadius(radius, Fail);
        var allowed = radius.EffectiveNamespaces;
        ValidateNamespace(campaign.Target.Namespace, allowed, "$.target.namespace", Fail);
        ValidateSelector(campaign.Target.Selector, "$.target.selector", required: true, Fail);
        var duration = PositiveDuration(campaign.Duration, "$.duration", ChaosLimits.MaxDuration, Fail);
        ValidateSteadyState(campaign.SteadyState, Fail);
        ValidateFaults(campaign, radius, duration, Fail);
        ValidateAbort(campaign, duration, Fail);
        if (campaign.Schedule is { } schedule && !SchedulePattern().IsMatch(schedule))
        {
            Fail("$.schedule", "must be an EventBridge expression: cron(m h dom mon dow y) or rate(N minutes|hours|days)");
        }

        ValidateReport(campaign.Report, Fail);
        return errors;
    }

    private static void ValidateBlastRadius(BlastRadiusSpec radius, Action<string, string> fail)
    {
        if (radius.MaxPods is < 1 or > ChaosLimits.MaxPods)
        {
            fail("$.blastRadius.maxPods", $"must be between 1 and {ChaosLimits.MaxPods}, got {radius.MaxPods}");
        }

        if (radius.MaxNodes is < 0 or > ChaosLimits.MaxNodes)
        {
            fail("$.blastRadius.maxNodes", $"must be between 0 and {ChaosLimits.MaxNodes}, got {radius.MaxNodes}");
        }

        if (radius.MaxPercent is < 1 or > ChaosLimits.MaxPercent)
        {
            fail("$.blastRadius.maxPercent", $"must be between 1 and {ChaosLimits.MaxPercent} (never the whole service), got {radius.MaxPercent}");
        }

        var namespaces = radius.EffectiveNamespaces;
        if (namespaces.Count == 0)
        {
            fail("$.blastRadius.allowedNamespaces", "must list at least one namespace");
        }

        for (var i = 0; i < namespaces.Count; i++)
        {
            if (ChaosLimits.ProtectedNamespaces.Contains(namespaces[i]))
            {
                fail($"$.blastRadius.allowedNamespaces[{i}]", $"'{namespaces[i]}' is protected and can never be a chaos target");
            }
        }
    }

    private static void ValidateNamespace(string ns, IReadOnlyList<string> allowed, string path, Action<string, string> fail)
    {
        if (ChaosLimits.ProtectedNamespaces.Contains(ns))
        {
            fail(path, $"'{ns}' is protected and can never be a chaos target");
        }
        else if (!allowed.Contains(ns))
        {
            fail(path, $"'{ns}' is outside the blast radius; allowed: {string.Join(", ", allowed)}");
        }
    }

    private static void ValidateSelector(IReadOnlyDictionary<string, string>? selector, string path, bool required, Action<string, string> fail)
    {
        if (selector is null || selector.Count == 0)
        {
            if (required)
            {
                fail(path, "must have at least one label (an empty selector matches every pod)");
            }

            return;
        }

        foreach (var (key, value) in selector)
        {
            if (!LabelKeyPattern().IsMatch(key))
            {
                fail($"{path}.{key}", "is not a valid label key");
            }

            if (!LabelValuePattern().IsMatch(value ?? ""))
            {
                fail($"{path}.{key}", $"'{value}' is not a valid label value (1-63 alphanumerics, '-', '_', '.')");
            }
        }
    }

    internal static TimeSpan PositiveDuration(string? text, string path, TimeSpan max, Action<string, string> fail)
    {
        if (!GoDuration.TryParse(text, out var value))
        {
            fail(path, $"'{text}' is not a duration (use e.g. 30s, 5m, 1h30m)");
            return TimeSpan.Zero;
        }

        if (value <= TimeSpan.Zero || value > max)
        {
            fail(path, $"must be more than 0 and at most {GoDuration.Format(max)}, got {text}");
            return TimeSpan.Zero;
        }

        return value;
    }

    private static void ValidateSteadyState(SteadyStateSpec steady, Action<string, string> fail)
    {
        PositiveDuration(steady.RecoveryTimeout, "$.steadyState.recoveryTimeout", ChaosLimits.MaxRecoveryTimeout, fail);
        if (steady.Probes.Count == 0)
        {
            fail("$.steadyState.probes", "must have at least one probe (a campaign without a hypothesis proves nothing)");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < steady.Probes.Count; i++)
        {
            ProbeValidator.Validate(steady.Probes[i], $"$.steadyState.probes[{i}]", names, fail);
        }
    }

    private static void ValidateFaults(ChaosCampaign campaign, BlastRadiusSpec radius, TimeSpan duration, Action<string, string> fail)
    {
        if (campaign.Faults.Count is 0 or > ChaosLimits.MaxFaults)
        {
            fail("$.faults", $"must have between 1 and {ChaosLimits.MaxFaults} faults, got {campaign.Faults.Count}");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < campaign.Faults.Count; i++)
        {
            var fault = campaign.Faults[i];
            var path = $"$.faults[{i}]";
            if (!NamePattern().IsMatch(fault.Name) || !names.Add(fault.Name))
            {
                fail($"{path}.name", $"'{fault.Name}' must be unique and 1-40 lowercase letters, digits or '-'");
            }

            if (!FaultTypes.All.Contains(fault.Type))
            {
                fail($"{path}.type", $"unknown fault '{fault.Type}'; known: {string.Join(", ", FaultTypes.All)}");
                continue;
            }

            if (fault.Namespace is { } ns)
            {
                ValidateNamespace(ns, radius.EffectiveNamespaces, $"{path}.namespace", fail);
            }

            ValidateSelector(fault.Selector, $"{path}.selector", required: false, fail);
            if (fault.Duration is not null)
            {
                PositiveDuration(fault.Duration, $"{path}.duration", duration > TimeSpan.Zero ? duration : ChaosLimits.MaxDuration, fail);
            }

            ValidateMode(fault, radius, path, fail);
            FaultFieldValidator.Validate(fault, radius, path, fail);
            if (fault.Peer is { } peer)
            {
                ValidateNamespace(peer.Namespace ?? fault.Namespace ?? campaign.Target.Namespace, radius.EffectiveNamespaces, $"{path}.peer.namespace", fail);
                ValidateSelector(peer.Selector, $"{path}.peer.selector", required: true, fail);
            }

            if (!Directions.Contains(fault.Direction))
            {
                fail($"{path}.direction", $"must be one of {string.Join(", ", Directions)}");
            }
        }
    }

    private static void ValidateMode(FaultSpec fault, BlastRadiusSpec radius, string path, Action<string, string> fail)
    {
        if (!Modes.Contains(fault.Mode))
        {
            fail($"{path}.mode", $"must be one of {string.Join(", ", Modes)}, got '{fault.Mode}'");
            return;
        }

        switch (fault.Mode)
        {
            case "all":
                fail($"{path}.mode", $"'all' affects 100% of the selected pods, above blastRadius.maxPercent {radius.MaxPercent}");
                break;
            case "fixed" when fault.Value is not { } count || count < 1 || count > radius.MaxPods:
                fail($"{path}.value", $"mode fixed needs a pod count between 1 and blastRadius.maxPods {radius.MaxPods}");
                break;
            case "fixed-percent" when fault.Value is not { } percent || percent < 1 || percent > radius.MaxPercent:
                fail($"{path}.value", $"mode fixed-percent needs a percent between 1 and blastRadius.maxPercent {radius.MaxPercent}");
                break;
        }
    }

    private static void ValidateAbort(ChaosCampaign campaign, TimeSpan duration, Action<string, string> fail)
    {
        if (campaign.Abort is not { } abort)
        {
            return;
        }

        var interval = PositiveDuration(abort.PollInterval, "$.abort.pollInterval", duration > TimeSpan.Zero ? duration : ChaosLimits.MaxDuration, fail);
        if (interval > TimeSpan.Zero && interval < ChaosLimits.MinPollInterval)
        {
            fail("$.abort.pollInterval", $"must be at least {GoDuration.Format(ChaosLimits.MinPollInterval)} (probes must not load the engines)");
        }

        var probes = campaign.SteadyState.Probes.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < abort.When.Count; i++)
        {
            var condition = abort.When[i];
            if (!probes.Contains(condition.Probe))
            {
                fail($"$.abort.when[{i}].probe", $"'{condition.Probe}' is not a steady-state probe name");
            }

            if (condition.Consecutive is < 1 or > 100)
            {
                fail($"$.abort.when[{i}].consecutive", "must be between 1 and 100");
            }
        }
    }

    private static void ValidateReport(ReportSpec? report, Action<string, string> fail)
    {
        var queries = report?.Benchmark ?? [];
        for (var i = 0; i < queries.Count; i++)
        {
            if (queries[i].Engine is not ("trino" or "clickhouse"))
            {
                fail($"$.report.benchmark[{i}].engine", "must be trino or clickhouse");
            }

            if (string.IsNullOrWhiteSpace(queries[i].Sql))
            {
                fail($"$.report.benchmark[{i}].sql", "must not be empty");
            }
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{0,39}$")]
    internal static partial Regex NamePattern();

    [GeneratedRegex(@"^([a-z0-9]([-a-z0-9.]*[a-z0-9])?/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$")]
    private static partial Regex LabelKeyPattern();

    [GeneratedRegex(@"^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$")]
    private static partial Regex LabelValuePattern();

    [GeneratedRegex(@"^(cron\([^()]+\)|rate\([1-9][0-9]* (minute|minutes|hour|hours|day|days)\))$")]
    private static partial Regex SchedulePattern();
}
