namespace Dqe.Core.Engines;

/// <summary>Typed storage for one column; nulls are tracked in a lazily created flag array.</summary>
internal sealed class TypedColumnVector<T>(int capacity) : ColumnVector
{
    private T[] _values = new T[Math.Max(capacity, 4)];
    private bool[]? _nulls;
    private int _count;

    public override int Count => _count;

    public override Type ClrType => typeof(T);

    public T this[int row] => _values[row];

    public override bool IsNull(int row) => _nulls is not null && _nulls[row];

    public override object? GetBoxed(int row) => IsNull(row) ? null : _values[row];

    public void Append(T value)
    {
        if (_count == _values.Length)
        {
            Grow();
        }

        _values[_count++] = value;
    }

    public override void AppendNull()
    {
        if (_count == _values.Length)
        {
            Grow();
        }

        _nulls ??= new bool[_values.Length];
        _nulls[_count] = true;
        _values[_count++] = default!;
    }

    private void Grow()
    {
        Array.Resize(ref _values, _values.Length * 2);
        if (_nulls is not null)
        {
            Array.Resize(ref _nulls, _values.Length);
        }
    }
}
