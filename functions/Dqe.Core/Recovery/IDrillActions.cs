namespace Dqe.Core.Recovery;

/// <summary>
/// The Kubernetes actions drills take. Everything a drill changes carries the label
/// <c>dqe.io/drill-run=RUNID</c>, so fail-back can find it and <see cref="ListLabelledAsync"/> proves it is gone.
/// </summary>
public interface IDrillActions
{
    /// <summary>Deletes up to <paramref name="count"/> pods matching <paramref name="selector"/> (and their volume claims); returns their names.</summary>
    Task<IReadOnlyList<string>> DeletePodsAsync(string ns, string selector, int count, bool withVolumeClaims, string runId, CancellationToken cancellationToken);

    /// <summary>Labels, cordons and drains every node of <paramref name="zone"/>; returns the node names.</summary>
    Task<IReadOnlyList<string>> CordonAndDrainZoneAsync(string zone, string runId, CancellationToken cancellationToken);

    /// <summary>Uncordons the nodes this run cordoned and removes its label from them; returns their names.</summary>
    Task<IReadOnlyList<string>> UncordonAsync(string runId, CancellationToken cancellationToken);

    /// <summary>Deletes scratch resources (namespaces) this run created; returns their names.</summary>
    Task<IReadOnlyList<string>> DeleteScratchAsync(string runId, CancellationToken cancellationToken);

    /// <summary>Whatever still carries this run's label (kind/name), or is still cordoned by it.</summary>
    Task<IReadOnlyList<string>> ListLabelledAsync(string runId, CancellationToken cancellationToken);
}
