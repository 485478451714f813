using Dqe.Cdk.Config;

namespace Dqe.Cdk.Engines;

/// <summary>
/// The people's ClickHouse users, one settings profile and one quota per role, in the operator's path-style keys.
/// Passwords are SHA-256 hex from <see cref="EngineUsers.ClickHouseSecret"/>, which the operator reads and renders
/// into users.d; connections only from the VPC. Profiles inherit the <c>default</c> profile's limits
/// (<see cref="ClickHouseTuning"/>); quotas take the numbers of <c>engines.clickHouse.quota</c>.
/// </summary>
internal static class ClickHouseUserSettings
{
    /// <summary>readonly setting per role: 0 = read and write, 2 = read and change session settings, 1 = read only.</summary>
    public static readonly IReadOnlyDictionary<string, int> ReadonlyLevel = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["admin"] = 0,
        ["analyst"] = 2,
        ["readonly"] = 1,
    };

    public static string Profile(string role) => $"dqe_{role}";

    public static string Quota(string role) => $"dqe_{role}";

    public static Dictionary<string, object> Users(EngineUsers? users)
    {
        var result = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var person in users?.People ?? [])
        {
            result[$"{person.Name}/k8s_secret_password_sha256_hex"] = $"{EngineUsers.ClickHouseSecret}/{person.Name}";
            result[$"{person.Name}/networks/ip"] = new[] { MaskForm(users!.VpcCidr) };
            result[$"{person.Name}/profile"] = Profile(person.Role);
            result[$"{person.Name}/quota"] = Quota(person.Role);
        }

        return result;
    }

    public static Dictionary<string, object> Profiles(EngineUsers? users, ClickHouseQueryLimitsConfig limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var result = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var role in Roles(users))
        {
            result[$"{Profile(role)}/profile"] = ClickHouseTuning.Profile;
            result[$"{Profile(role)}/readonly"] = ReadonlyLevel[role];
            if (role == "analyst")
            {
                // readonly=2 lets analysts change session settings; the limits stay ceilings.
                result[$"{Profile(role)}/constraints/max_memory_usage/max"] = (long)limits.MaxMemoryGib * 1024 * 1024 * 1024;
                result[$"{Profile(role)}/constraints/max_execution_time/max"] = limits.MaxExecutionSeconds;
            }
        }

        return result;
    }

    public static Dictionary<string, object> Quotas(EngineUsers? users, ClickHouseQuotaConfig quota)
    {
        ArgumentNullException.ThrowIfNull(quota);
        var result = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (key, value) in Roles(users).SelectMany(role => ClickHouseTuning.Quotas(quota, Quota(role))))
        {
            result[key] = value;
        }

        return result;
    }

    /// <summary>
    /// 10.40.0.0/16 as 10.40.0.0/255.255.0.0. ClickHouse accepts both, but some versions apply a prefix length to the
    /// IPv4-mapped IPv6 address, where /16 matches every IPv4 client (seen with clickhouse-server 18.16); the mask is exact.
    /// </summary>
    public static string MaskForm(string cidr)
    {
        ArgumentNullException.ThrowIfNull(cidr);
        var network = System.Net.IPNetwork.Parse(cidr);
        var mask = network.PrefixLength == 0 ? 0u : uint.MaxValue << (32 - network.PrefixLength);
        var bytes = BitConverter.GetBytes(mask);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(bytes);
        }

        return $"{network.BaseAddress}/{new System.Net.IPAddress(bytes)}";
    }

    private static IEnumerable<string> Roles(EngineUsers? users) => (users?.People ?? []).Select(p => p.Role).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
}
