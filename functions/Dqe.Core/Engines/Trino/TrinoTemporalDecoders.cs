using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;

namespace Dqe.Core.Engines.Trino;

internal sealed class DateDecoder : TrinoDecoder<DateOnly>
{
    public override DateOnly Read(ref Utf8JsonReader reader) => TrinoTemporalText.Date(Text(ref reader), out _);
}

internal sealed class TimeDecoder : TrinoDecoder<TimeOnly>
{
    public override TimeOnly Read(ref Utf8JsonReader reader) => new(TrinoTemporalText.TimeTicks(Text(ref reader), out _));
}

internal sealed class TimeWithZoneDecoder : TrinoDecoder<TrinoTimeWithZone>
{
    public override TrinoTimeWithZone Read(ref Utf8JsonReader reader)
    {
        var text = Text(ref reader);
        var ticks = TrinoTemporalText.TimeTicks(text, out var used);
        return new TrinoTimeWithZone(new TimeOnly(ticks), TrinoTemporalText.Offset(text[used..]));
    }
}

/// <summary><c>timestamp(p)</c>: <c>2024-01-31 13:45:00.123</c> → <see cref="DateTime"/> (kind Unspecified).</summary>
internal sealed class TimestampDecoder : TrinoDecoder<DateTime>
{
    public override DateTime Read(ref Utf8JsonReader reader) => Parse(Text(ref reader), out _);

    public static DateTime Parse(ReadOnlySpan<byte> text, out int used)
    {
        var date = TrinoTemporalText.Date(text, out var dateLength);
        var ticks = TrinoTemporalText.TimeTicks(text[(dateLength + 1)..], out var timeLength);
        used = dateLength + 1 + timeLength;
        return date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified).AddTicks(ticks);
    }
}

/// <summary><c>timestamp(p) with time zone</c>: the zone (after the last space) is an offset or an IANA id.</summary>
internal sealed class TimestampWithZoneDecoder : TrinoDecoder<TrinoTimestampWithZone>
{
    private readonly ConcurrentDictionary<string, TimeZoneInfo> _zones = new(StringComparer.Ordinal);

    public override TrinoTimestampWithZone Read(ref Utf8JsonReader reader)
    {
        var text = Text(ref reader);
        var local = TimestampDecoder.Parse(text, out var used);
        var zone = Encoding.UTF8.GetString(text[used..].TrimStart((byte)' '));
        TimeSpan offset;
        if (zone is "UTC" or "Z" or "GMT")
        {
            offset = TimeSpan.Zero;
        }
        else if (zone.Length > 0 && zone[0] is '+' or '-')
        {
            offset = TrinoTemporalText.Offset(Encoding.UTF8.GetBytes(zone));
        }
        else
        {
            var info = _zones.GetOrAdd(zone, TimeZoneInfo.FindSystemTimeZoneById);
            offset = info.GetUtcOffset(local);
        }

        return new TrinoTimestampWithZone(new DateTimeOffset(local, offset), zone);
    }
}

internal sealed class YearMonthIntervalDecoder : TrinoDecoder<TrinoYearMonthInterval>
{
    public override TrinoYearMonthInterval Read(ref Utf8JsonReader reader)
    {
        var text = Text(ref reader);
        var negative = text[0] == '-';
        var body = negative ? text[1..] : text;
        var dash = body.IndexOf((byte)'-');
        var months = (TrinoTemporalText.Digits(body[..dash]) * 12) + TrinoTemporalText.Digits(body[(dash + 1)..]);
        return new TrinoYearMonthInterval(negative ? -months : months);
    }
}

internal sealed class DaySecondIntervalDecoder : TrinoDecoder<TimeSpan>
{
    public override TimeSpan Read(ref Utf8JsonReader reader)
    {
        var text = Text(ref reader);
        var negative = text[0] == '-';
        var body = negative ? text[1..] : text;
        var space = body.IndexOf((byte)' ');
        var ticks = (TrinoTemporalText.Digits(body[..space]) * TimeSpan.TicksPerDay) + TrinoTemporalText.TimeTicks(body[(space + 1)..], out _);
        return TimeSpan.FromTicks(negative ? -ticks : ticks);
    }
}
