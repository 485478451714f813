namespace Dqe.Core.Engines;

/// <summary>
/// One result row. A view over its page's typed columns: reading a value does not box unless you ask for
/// <see cref="GetValue"/>. Rows stay valid after enumeration moves on (pages are not reused).
/// </summary>
public readonly struct Row
{
    private readonly RowBatch _batch;
    private readonly int _index;

    internal Row(RowBatch batch, int index)
    {
        _batch = batch;
        _index = index;
    }

    public int FieldCount => _batch.Columns.Length;

    public bool IsNull(int ordinal) => _batch.Columns[ordinal].IsNull(_index);

    /// <summary>The value boxed (null for SQL NULL): long, double, decimal, string, DateTime, arrays as object?[] ...</summary>
    public object? GetValue(int ordinal) => _batch.Columns[ordinal].GetBoxed(_index);

    /// <summary>The value without boxing; <typeparamref name="T"/> must be the column's <see cref="QueryColumn.ClrType"/>.</summary>
    public T Get<T>(int ordinal)
    {
        var column = _batch.Columns[ordinal];
        if (column is TypedColumnVector<T> typed)
        {
            return typed[_index];
        }

        throw new InvalidCastException($"Column {ordinal} holds {column.ClrType.Name}, not {typeof(T).Name}.");
    }

    public long GetInt64(int ordinal) => Get<long>(ordinal);

    public double GetDouble(int ordinal) => Get<double>(ordinal);

    public string GetString(int ordinal) => Get<string>(ordinal);

    /// <summary>Copies every value (boxed) into a new array, e.g. to keep rows beyond the result's lifetime.</summary>
    public object?[] ToArray()
    {
        var values = new object?[FieldCount];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = GetValue(i);
        }

        return values;
    }
}
