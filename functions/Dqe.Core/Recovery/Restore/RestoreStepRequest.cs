namespace Dqe.Core.Recovery.Restore;

/// <summary>
/// Request of <c>dqe.region-restore</c>. <see cref="Action"/>: find (<see cref="RunId"/>, optional <see cref="BackupId"/>;
/// newest usable otherwise), then start, poll, verify, catalog-page (<see cref="Page"/>), topics, each with the
/// <see cref="State"/> the previous step returned. The extras-only workflow runs find, catalog-page and topics.
/// </summary>
public sealed record RestoreStepRequest(string Action, string? RunId = null, string? BackupId = null, RegionRestoreState? State = null, int? Page = null);
