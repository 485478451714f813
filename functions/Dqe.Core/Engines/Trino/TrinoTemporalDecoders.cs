using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;

namespace Dqe.Core.Engines.Trino;

/// <summary>Base of the types Trino sends as fixed-form text: the string's UTF-8 bytes decode allocation-free.</summary>
internal abstract class TrinoTextDecoder<T>(string type) : TrinoDecoder<T>
    where T : notnull
{
    public override T Read(ref Utf8JsonReader reader) => Scalar(ref reader, type);

    protected override bool TryDecode(JsonTokenType token, ReadOnlySpan<byte> text, out T value)
    {
        value = token == JsonTokenType.String ? Parse(text) : default!;
        return token == JsonTokenType.String;
    }

    protected abstract T Parse(ReadOnlySpan<byte> text);
}

internal sealed class DateDecoder() : TrinoTextDecoder<DateOnly>("date")
{
    protected override DateOnly Parse(ReadOnlySpan<byte> text) => TrinoTemporalText.Date(text, out _);
}

internal sealed class TimeDecoder() : TrinoTextDecoder<TimeOnly>("time")
{
    protected override TimeOnly Parse(ReadOnlySpan<byte> text) => new(TrinoTemporalText.TimeTicks(text, out _));
}

internal sealed class TimeWithZoneDecoder() : TrinoTextDecoder<TrinoTimeWithZone>("time with time zone")
{
    protected override TrinoTimeWithZone Parse(ReadOnlySpan<byte> text)
    {
        var ticks = TrinoTemporalText.TimeTicks(text, out var used);
        return new TrinoTimeWithZone(new TimeOnly(ticks), TrinoTemporalText.Offset(text[used..]));
    }
}

/// <summary><c>timestamp(p)</c>: <c>2024-01-31 13:45:00.123</c> → <see cref="DateTime"/> (kind Unspecified).</summary>
internal sealed class TimestampDecoder() : TrinoTextDecoder<DateTime>("timestamp")
{
    protected override DateTime Parse(ReadOnlySpan<byte> text) => Parse(text, out _);

    public static DateTime Parse(ReadOnlySpan<byte> text, out int used)
    {
        var date = TrinoTemporalText.Date(text, out var dateLength);
        var ticks = TrinoTemporalText.TimeTicks(text[(dateLength + 1)..], out var timeLength);
        used = dateLength + 1 + timeLength;
        return new DateTime((date.DayNumber * TimeSpan.TicksPerDay) + ticks, DateTimeKind.Unspecified);
    }
}

/// <summary><c>timestamp(p) with time zone</c>: the zone (after the last space) is an offset or an IANA id.</summary>
internal sealed class TimestampWithZoneDecoder() : TrinoTextDecoder<TrinoTimestampWithZone>("timestamp with time zone")
{
    private readonly ConcurrentDictionary<string, TimeZoneInfo> _zones = new(StringComparer.Ordinal);

    protected override TrinoTimestampWithZone Parse(ReadOnlySpan<byte> text)
    {
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

internal sealed class YearMonthIntervalDecoder() : TrinoTextDecoder<TrinoYearMonthInterval>("interval year to month")
{
    protected override TrinoYearMonthInterval Parse(ReadOnlySpan<byte> text)
    {
        var body = TrinoTemporalText.Unsigned(text, out var negative);
        var dash = body.IndexOf((byte)'-');
        var months = (TrinoTemporalText.Digits(body[..dash]) * 12) + TrinoTemporalText.Digits(body[(dash + 1)..]);
        return new TrinoYearMonthInterval(negative ? -months : months);
    }
}

internal sealed class DaySecondIntervalDecoder() : TrinoTextDecoder<TimeSpan>("interval day to second")
{
    protected override TimeSpan Parse(ReadOnlySpan<byte> text)
    {
        var body = TrinoTemporalText.Unsigned(text, out var negative);
        var space = body.IndexOf((byte)' ');
        var ticks = (TrinoTemporalText.Digits(body[..space]) * TimeSpan.TicksPerDay) + TrinoTemporalText.TimeTicks(body[(space + 1)..], out _);
        return TimeSpan.FromTicks(negative ? -ticks : ticks);
    }
}
