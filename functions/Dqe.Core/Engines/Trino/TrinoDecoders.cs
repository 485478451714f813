namespace Dqe.Core.Engines.Trino;

/// <summary>Maps a Trino type to its decoder (and thereby the CLR type of the column).</summary>
internal static class TrinoDecoders
{
    // System.Decimal holds 28 significant digits exactly; wider Trino decimals use TrinoBigDecimal.
    private const int MaxSystemDecimalPrecision = 28;

    public static TrinoDecoder For(string typeText) => For(TrinoType.Parse(typeText));

    public static TrinoDecoder For(TrinoType type) => type.Base switch
    {
        "bigint" => new BigintDecoder(),
        "integer" or "int" => new IntegerDecoder(),
        "smallint" => new SmallintDecoder(),
        "tinyint" => new TinyintDecoder(),
        "double" => new DoubleDecoder(),
        "real" => new RealDecoder(),
        "decimal" => type.Number(0, 38) <= MaxSystemDecimalPrecision ? new DecimalDecoder() : new BigDecimalDecoder(),
        "boolean" => new BooleanDecoder(),
        "varchar" or "char" or "json" or "unknown" => new StringDecoder(),
        "varbinary" => new VarbinaryDecoder(),
        "uuid" => new UuidDecoder(),
        "ipaddress" => new IpAddressDecoder(),
        "date" => new DateDecoder(),
        "time" => type.WithTimeZone ? new TimeWithZoneDecoder() : new TimeDecoder(),
        "timestamp" => type.WithTimeZone ? new TimestampWithZoneDecoder() : new TimestampDecoder(),
        "interval year to month" => new YearMonthIntervalDecoder(),
        "interval day to second" => new DaySecondIntervalDecoder(),
        "array" => new ArrayDecoder(For(type.TypeArguments[0])),
        "map" => new MapDecoder(For(type.TypeArguments[0]), For(type.TypeArguments[1])),
        "row" => new RowDecoder(type.FieldNames, [.. type.TypeArguments.Select(For)]),
        _ => new RawDecoder(),
    };
}
