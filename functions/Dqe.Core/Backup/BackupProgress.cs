namespace Dqe.Core.Backup;

/// <summary>One look at a backup/restore operation: state, error when failed, and sizes once known.</summary>
public sealed record BackupProgress(string OperationId, BackupState State, string Error = "", long TotalBytes = 0, long Files = 0);
