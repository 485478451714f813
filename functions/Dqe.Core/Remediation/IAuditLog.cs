namespace Dqe.Core.Remediation;

/// <summary>Where audit records go (DynamoDB in AWS, memory + JSON lines locally).</summary>
public interface IAuditLog
{
    Task AppendAsync(AuditRecord record, CancellationToken cancellationToken);
}
