namespace Dqe.Core.Engines;

/// <summary>
/// One column of a <see cref="RowBatch"/>. Values are stored unboxed in typed arrays so streaming a page
/// costs a handful of allocations per column, not one per value.
/// </summary>
internal abstract class ColumnVector
{
    public abstract int Count { get; }

    public abstract Type ClrType { get; }

    public abstract bool IsNull(int row);

    public abstract object? GetBoxed(int row);

    public abstract void AppendNull();
}
