namespace Dqe.Core.Engines;

/// <summary>The rows of one engine page (Trino QueryResults page, a chunk of a ClickHouse TSV stream), column by column.</summary>
internal sealed class RowBatch(ColumnVector[] columns)
{
    public ColumnVector[] Columns { get; } = columns;

    public int Count => Columns.Length == 0 ? _zeroColumnRows : Columns[0].Count;

    // A statement can return rows with no columns (Trino allows it); only the count is meaningful then.
    private int _zeroColumnRows;

    public void AddZeroColumnRow() => _zeroColumnRows++;
}
