using Dqe.Cdk.Config;

namespace Dqe.Cdk.Engines;

/// <summary>
/// Trino memory settings derived from a container's memory, in MiB: the JVM gets 80% (the rest is for
/// thread stacks, direct buffers and the OS); of the heap, 30% is headroom for untracked allocations and 50%
/// is the per-node query memory, so headroom + query memory stays below the heap as Trino requires.
/// </summary>
/// <param name="HeapMib">JVM -Xmx.</param>
/// <param name="HeadroomMib">memory.heap-headroom-per-node.</param>
/// <param name="QueryPerNodeMib">query.max-memory-per-node.</param>
internal sealed record TrinoMemory(int HeapMib, int HeadroomMib, int QueryPerNodeMib)
{
    public const int HeapPercent = 80;
    public const int HeadroomPercent = 30;
    public const int QueryPercent = 50;

    public static TrinoMemory For(PodResourcesConfig container)
    {
        ArgumentNullException.ThrowIfNull(container);
        var heap = container.MemoryGib * 1024 * HeapPercent / 100;
        return new TrinoMemory(heap, heap * HeadroomPercent / 100, heap * QueryPercent / 100);
    }

    /// <summary>query.max-memory: one query may use the per-node limit on every worker of the minimum pool.</summary>
    public static int ClusterQueryMib(TrinoMemory worker, int minWorkers) => worker.QueryPerNodeMib * minWorkers;

    public string JvmHeap => $"{HeapMib}M";

    public string Headroom => Size(HeadroomMib);

    public string QueryPerNode => Size(QueryPerNodeMib);

    public static string Size(int mib) => $"{mib}MB";
}
