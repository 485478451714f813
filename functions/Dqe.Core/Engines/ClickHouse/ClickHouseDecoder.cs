namespace Dqe.Core.Engines.ClickHouse;

/// <summary>Decodes one TabSeparated field of a ClickHouse type into a typed column.</summary>
internal abstract class ClickHouseDecoder
{
    public abstract Type ClrType { get; }

    public abstract ColumnVector CreateVector(int capacity);

    public abstract void Append(ReadOnlySpan<byte> field, ColumnVector vector);
}

internal sealed class ClickHouseDecoder<T>(Func<ReadOnlySpan<byte>, T> parse, bool nullable, string type) : ClickHouseDecoder
    where T : notnull
{
    public override Type ClrType => typeof(T);

    public override ColumnVector CreateVector(int capacity) => new TypedColumnVector<T>(capacity);

    public override void Append(ReadOnlySpan<byte> field, ColumnVector vector)
    {
        if (nullable && ClickHouseTsv.IsNull(field))
        {
            vector.AppendNull();
            return;
        }

        try
        {
            ((TypedColumnVector<T>)vector).Append(parse(field));
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException)
        {
            throw new FormatException($"Cannot decode '{ClickHouseTsv.Unescape(field)}' as ClickHouse {type}.", e);
        }
    }
}
