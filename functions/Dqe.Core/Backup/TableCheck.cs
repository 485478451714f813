namespace Dqe.Core.Backup;

/// <summary>One table after restore compared with its manifest entry; Actual* are -1 when the table was not restored.</summary>
public sealed record TableCheck(string Database, string Table, long ExpectedRows, long ActualRows, ulong ExpectedChecksum, ulong ActualChecksum)
{
    public bool Matches => ExpectedRows == ActualRows && ExpectedChecksum == ActualChecksum;
}
