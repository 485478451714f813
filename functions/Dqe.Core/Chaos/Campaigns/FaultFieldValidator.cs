namespace Dqe.Core.Chaos.Campaigns;

/// <summary>The per-type fields of a fault: each type's required parameters and their ranges.</summary>
internal static class FaultFieldValidator
{
    public static void Validate(FaultSpec fault, BlastRadiusSpec radius, string path, Action<string, string> fail)
    {
        switch (fault.Type)
        {
            case FaultTypes.ContainerKill when fault.ContainerNames is not { Count: > 0 }:
                fail($"{path}.containerNames", "container-kill needs at least one container name");
                break;
            case FaultTypes.NetworkDelay:
                if (!GoDuration.TryParse(fault.Latency, out var latency) || latency <= TimeSpan.Zero || latency > TimeSpan.FromSeconds(10))
                {
                    fail($"{path}.latency", $"network-delay needs a latency between 1ms and 10s, got '{fault.Latency}'");
                }

                if (fault.Jitter is not null && (!GoDuration.TryParse(fault.Jitter, out var jitter) || jitter < TimeSpan.Zero))
                {
                    fail($"{path}.jitter", $"'{fault.Jitter}' is not a non-negative duration");
                }

                break;
            case FaultTypes.NetworkLoss when fault.LossPercent is not (>= 1 and <= 100):
                fail($"{path}.lossPercent", "network-loss needs lossPercent between 1 and 100");
                break;
            case FaultTypes.NetworkPartition when fault.Peer is null:
                fail($"{path}.peer", "network-partition needs a peer (the other side of the partition)");
                break;
            case FaultTypes.StressCpu:
                Range(fault.Workers, 1, 16, $"{path}.workers", fail);
                Range(fault.Load, 1, 100, $"{path}.load", fail);
                break;
            case FaultTypes.StressMemory:
                Range(fault.Workers, 1, 16, $"{path}.workers", fail);
                if (string.IsNullOrWhiteSpace(fault.Size))
                {
                    fail($"{path}.size", "stress-memory needs a size such as 256MB or 50%");
                }

                break;
            case FaultTypes.NodeDrain:
                if (fault.Scope is not ("node" or "zone"))
                {
                    fail($"{path}.scope", "must be node or zone");
                }

                if (radius.MaxNodes < 1)
                {
                    fail($"{path}.type", "node-drain needs blastRadius.maxNodes of at least 1");
                }

                break;
        }
    }

    private static void Range(int? value, int min, int max, string path, Action<string, string> fail)
    {
        if (value is not { } v || v < min || v > max)
        {
            fail(path, $"must be between {min} and {max}, got {value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "nothing"}");
        }
    }
}
