namespace Dqe.Core.Engines.Trino;

/// <summary>A <c>timestamp with time zone</c> value: the instant (with its offset) and the zone Trino named (<c>UTC</c>, <c>Europe/Berlin</c>, <c>+02:00</c>).</summary>
public readonly record struct TrinoTimestampWithZone(DateTimeOffset Value, string Zone)
{
    public override string ToString() => $"{Value.DateTime:yyyy-MM-dd HH:mm:ss.FFFFFFF} {Zone}";
}
