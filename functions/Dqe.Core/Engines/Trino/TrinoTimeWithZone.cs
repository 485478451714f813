namespace Dqe.Core.Engines.Trino;

/// <summary>A <c>time with time zone</c> value: local time of day plus its UTC offset.</summary>
public readonly record struct TrinoTimeWithZone(TimeOnly Time, TimeSpan Offset)
{
    public override string ToString() =>
        $"{Time:HH:mm:ss.FFFFFFF}{(Offset < TimeSpan.Zero ? "-" : "+")}{Offset.Duration():hh\\:mm}";
}
