using System.Net;
using System.Text.RegularExpressions;
using Dqe.Cdk.Platform;

namespace Dqe.Cdk.Config;

/// <summary>Checks a whole <see cref="DqeConfig"/> once; each error names the cdk.json key and what it allows.</summary>
internal static partial class ConfigValidator
{
    public static IReadOnlyList<string> Validate(DqeConfig config)
    {
        var errors = new List<string>();
        void Check(bool ok, string message)
        {
            if (!ok)
            {
                errors.Add(message);
            }
        }

        Check(config.Account is null || AccountPattern().IsMatch(config.Account), $"account = '{config.Account}' must be a 12-digit AWS account id");
        Check(RegionPattern().IsMatch(config.Region), $"region = '{config.Region}' is not an AWS region name (e.g. eu-west-1)");
        Check(Retention.AllowedDays.Contains(config.LogRetentionDays),
            $"logRetentionDays = {config.LogRetentionDays} must be one of {string.Join(", ", Retention.AllowedDays)}");
        foreach (var key in config.Tags.Keys)
        {
            Check(key.Length is > 0 and <= 128 && !key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase), $"tags.'{key}' is not a valid tag key (1-128 characters, not 'aws:')");
        }

        ValidateNetwork(config, Check);
        ValidateCluster(config, Check);
        ValidateNodeGroup("nodeGroups.general", config.NodeGroups.General, critical: false, Check);
        ValidateNodeGroup("nodeGroups.analytics", config.NodeGroups.Analytics, critical: true, Check);
        ValidateLake(config.Lake, Check);
        ValidateAutomation(config.Automation, Check);
        Check(config.Security.MacieSchedule is "DAILY" or "WEEKLY" or "MONTHLY",
            $"security.macieSchedule = '{config.Security.MacieSchedule}' must be DAILY, WEEKLY or MONTHLY");
        ValidateEmail("security.findingsEmail", config.Security.FindingsEmail, Check);
        ObservabilityConfigValidator.Validate(config.Observability, config.Network.AvailabilityZones.Count, Check);
        EnginesConfigValidator.Validate(config, Check);
        BackupConfigValidator.Validate(config, Check);
        BenchmarkConfigValidator.Validate(config, Check);
        return errors;
    }

    private static void ValidateNetwork(DqeConfig config, Action<bool, string> check)
    {
        var network = config.Network;
        check(TryParseCidr(network.Cidr, out var prefix) && prefix is >= 16 and <= 20, $"network.cidr = '{network.Cidr}' must be an IPv4 CIDR from /16 to /20");
        var zones = network.AvailabilityZones;
        check(zones.Count is >= 2 and <= 3 && zones.Distinct().Count() == zones.Count,
            $"network.availabilityZones has {zones.Count} zone(s): give 2 or 3 distinct zones");
        foreach (var zone in zones)
        {
            check(zone.StartsWith(config.Region, StringComparison.Ordinal) && zone.Length == config.Region.Length + 1,
                $"network.availabilityZones: '{zone}' is not a zone of region {config.Region}");
        }

        check(network.NatGateways >= 1 && network.NatGateways <= Math.Max(1, zones.Count),
            $"network.natGateways = {network.NatGateways} must be 1-{Math.Max(1, zones.Count)} (one per AZ at most)");
    }

    private static void ValidateCluster(DqeConfig config, Action<bool, string> check)
    {
        var cluster = config.Cluster;
        check(KubernetesVersionPattern().IsMatch(cluster.KubernetesVersion),
            $"cluster.kubernetesVersion = '{cluster.KubernetesVersion}' must be 1.30 or 1.31 (the versions the bundled kubectl 1.31 layer supports)");
        foreach (var cidr in cluster.PublicEndpointCidrs)
        {
            check(TryParseCidr(cidr, out _), $"cluster.publicEndpointCidrs: '{cidr}' is not an IPv4 CIDR");
            check(config.Ephemeral || !cidr.EndsWith("/0", StringComparison.Ordinal),
                $"cluster.publicEndpointCidrs: '{cidr}' opens the API server to the internet; allowed only where ephemeral = true");
        }

        check(ChartVersionPattern().IsMatch(cluster.ExternalSecretsChartVersion),
            $"cluster.externalSecretsChartVersion = '{cluster.ExternalSecretsChartVersion}' must be an exact chart version MAJOR.MINOR.PATCH (no ranges or 'latest')");
        foreach (var arn in cluster.AdminRoleArns)
        {
            check(RoleArnPattern().IsMatch(arn), $"cluster.adminRoleArns: '{arn}' is not an IAM role ARN");
        }
    }

    private static void ValidateNodeGroup(string key, NodeGroupConfig group, bool critical, Action<bool, string> check)
    {
        check(group.InstanceTypes.Count > 0, $"{key}.instanceTypes is empty: name at least one EC2 instance type");
        foreach (var type in group.InstanceTypes)
        {
            check(InstanceTypePattern().IsMatch(type), $"{key}.instanceTypes: '{type}' is not an EC2 instance type (e.g. m5.large)");
        }

        check(group.MinSize is >= 0 and <= 100, $"{key}.minSize = {group.MinSize} must be 0-100");
        check(group.MaxSize >= Math.Max(1, group.MinSize) && group.MaxSize <= 100,
            $"{key}.maxSize = {group.MaxSize} must be {Math.Max(1, group.MinSize)}-100 (at least minSize)");
        check(group.DiskSizeGb is >= 100 and <= 500, $"{key}.diskSizeGb = {group.DiskSizeGb} must be 100-500");
        check(!(critical && group.Spot), $"{key}.spot = true is not allowed: the analytics group holds engine state and must run on-demand");
    }

    private static void ValidateLake(LakeConfig lake, Action<bool, string> check)
    {
        check(lake.IntelligentTieringAfterDays is >= 0 and <= 365, $"lake.intelligentTieringAfterDays = {lake.IntelligentTieringAfterDays} must be 0-365");
        check(lake.RawGlacierAfterDays > lake.IntelligentTieringAfterDays && lake.RawGlacierAfterDays <= 3650,
            $"lake.rawGlacierAfterDays = {lake.RawGlacierAfterDays} must be {lake.IntelligentTieringAfterDays + 1}-3650 (after intelligentTieringAfterDays)");
        check(lake.BackupsGlacierAfterDays is >= 1 and <= 3650, $"lake.backupsGlacierAfterDays = {lake.BackupsGlacierAfterDays} must be 1-3650");
        check(lake.BackupsExpireAfterDays > lake.BackupsGlacierAfterDays && lake.BackupsExpireAfterDays <= 3650,
            $"lake.backupsExpireAfterDays = {lake.BackupsExpireAfterDays} must be {lake.BackupsGlacierAfterDays + 1}-3650 (after backupsGlacierAfterDays)");
        check(lake.ReportsExpireAfterDays is >= 1 and <= 3650, $"lake.reportsExpireAfterDays = {lake.ReportsExpireAfterDays} must be 1-3650");
        check(lake.NoncurrentVersionExpiryDays is >= 1 and <= 365, $"lake.noncurrentVersionExpiryDays = {lake.NoncurrentVersionExpiryDays} must be 1-365");
        check(lake.AccessLogsExpireAfterDays is >= 1 and <= 3650, $"lake.accessLogsExpireAfterDays = {lake.AccessLogsExpireAfterDays} must be 1-3650");
    }

    private static void ValidateAutomation(AutomationConfig automation, Action<bool, string> check)
    {
        ValidateFunction("automation.functionDefaults", automation.FunctionDefaults, check);
        foreach (var (handler, function) in automation.Functions)
        {
            ValidateFunction($"automation.functions.{handler}", function, check);
        }

        ValidateEmail("automation.escalationEmail", automation.EscalationEmail, check);
        check(System.Text.RegularExpressions.Regex.IsMatch(automation.ChaosMeshVersion ?? "", @"^\d+\.\d+\.\d+$"),
            $"automation.chaosMeshVersion = '{automation.ChaosMeshVersion}' must be a pinned x.y.z chart version");
    }

    /// <summary>Empty (subscribe later) or one address: SNS would accept anything and the confirmation would go nowhere.</summary>
    private static void ValidateEmail(string key, string value, Action<bool, string> check) =>
        check(value.Length == 0 || System.Text.RegularExpressions.Regex.IsMatch(value, @"^[^@\s,;]+@[^@\s,;]+\.[^@\s,;]+$"),
            $"{key} = '{value}' is not one email address");

    private static void ValidateFunction(string key, FunctionConfig function, Action<bool, string> check)
    {
        check(function.MemoryMb is >= 128 and <= 10240, $"{key}.memoryMb = {function.MemoryMb} must be 128-10240");
        check(function.TimeoutSeconds is >= 1 and <= 900, $"{key}.timeoutSeconds = {function.TimeoutSeconds} must be 1-900");
        check(function.ReservedConcurrency is >= 1 and <= 1000, $"{key}.reservedConcurrency = {function.ReservedConcurrency} must be 1-1000");
    }

    private static bool TryParseCidr(string cidr, out int prefix)
    {
        prefix = -1;
        var slash = cidr.IndexOf('/', StringComparison.Ordinal);
        return slash > 0
            && IPAddress.TryParse(cidr[..slash], out var address)
            && address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork
            && cidr[..slash].Count(c => c == '.') == 3
            && int.TryParse(cidr[(slash + 1)..], out prefix)
            && prefix is >= 0 and <= 32;
    }

    [GeneratedRegex(@"^\d+\.\d+\.\d+$")]
    private static partial Regex ChartVersionPattern();

    [GeneratedRegex(@"^\d{12}$")]
    private static partial Regex AccountPattern();

    [GeneratedRegex(@"^[a-z]{2}(-gov)?-[a-z]+-\d$")]
    private static partial Regex RegionPattern();

    [GeneratedRegex(@"^1\.(30|31)$")]
    private static partial Regex KubernetesVersionPattern();

    [GeneratedRegex(@"^arn:aws[a-z-]*:iam::\d{12}:role/[\w+=,.@/-]+$")]
    private static partial Regex RoleArnPattern();

    [GeneratedRegex(@"^[a-z][a-z0-9-]*\.[a-z0-9]+$")]
    private static partial Regex InstanceTypePattern();
}
