using System.Globalization;

namespace Dqe.Cdk.Config;

/// <summary>vCPUs of an EC2 instance type from its size suffix (large = 2, xlarge = 4, Nxlarge = 4N), the rule of the general-purpose, compute and memory families.</summary>
internal static class InstanceCapacity
{
    /// <summary>Share of a node's vCPUs pods can request: the rest goes to kubelet/system reservations and daemon sets.</summary>
    public const double AllocatableShare = 0.9;

    /// <returns>vCPUs, or null for sizes the rule does not cover (metal, nano ... medium).</returns>
    public static int? VCpus(string instanceType)
    {
        var size = instanceType[(instanceType.IndexOf('.', StringComparison.Ordinal) + 1)..];
        if (size == "large")
        {
            return 2;
        }

        if (size == "xlarge")
        {
            return 4;
        }

        return size.EndsWith("xlarge", StringComparison.Ordinal)
            && int.TryParse(size[..^"xlarge".Length], NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? 4 * n
            : null;
    }
}
