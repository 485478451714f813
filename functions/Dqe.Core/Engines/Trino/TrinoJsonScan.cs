using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Dqe.Core.Engines.Trino;

/// <summary>
/// Byte-level JSON helpers for the page scanner: whitespace, string and number extents. They accept only what
/// the JSON grammar allows; anything else (escapes, nested values, malformed input) is left to
/// <see cref="Utf8JsonReader"/>, which decodes it or throws its usual <see cref="JsonException"/>.
/// </summary>
internal static class TrinoJsonScan
{
    // A string ends at its quote unless a backslash (escape) or a control character (invalid) comes first.
    private static readonly SearchValues<byte> StringStop = SearchValues.Create(
        [(byte)'"', (byte)'\\', 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31]);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int SkipWhitespace(ReadOnlySpan<byte> json, int pos)
    {
        while (pos < json.Length && json[pos] is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t')
        {
            pos++;
        }

        return pos;
    }

    /// <summary>The byte at <paramref name="pos"/>, or 0 past the end.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte At(ReadOnlySpan<byte> json, int pos) => (uint)pos < (uint)json.Length ? json[pos] : (byte)0;

    /// <summary>Length of the content of the string whose opening quote is at <paramref name="pos"/>, or -1 if it has escapes (or is not well formed).</summary>
    public static int PlainStringLength(ReadOnlySpan<byte> json, int pos)
    {
        var rest = json[(pos + 1)..];
        var stop = rest.IndexOfAny(StringStop);
        return stop >= 0 && rest[stop] == '"' ? stop : -1;
    }

    /// <summary>Length of the JSON number starting at <paramref name="pos"/>, or 0 if the grammar does not match.</summary>
    public static int NumberLength(ReadOnlySpan<byte> json, int pos)
    {
        var i = pos;
        if (At(json, i) == '-')
        {
            i++;
        }

        var first = At(json, i);
        if (first == '0')
        {
            i++;
        }
        else if (first is >= (byte)'1' and <= (byte)'9')
        {
            i = Digits(json, i);
        }
        else
        {
            return 0;
        }

        if (At(json, i) == '.')
        {
            var start = i + 1;
            i = Digits(json, start);
            if (i == start)
            {
                return 0;
            }
        }

        if ((At(json, i) | 0x20) == 'e')
        {
            i++;
            if (At(json, i) is (byte)'+' or (byte)'-')
            {
                i++;
            }

            var start = i;
            i = Digits(json, start);
            if (i == start)
            {
                return 0;
            }
        }

        return i - pos;
    }

    /// <summary>Index just after the JSON value starting at <paramref name="pos"/> (read and skipped by <see cref="Utf8JsonReader"/>).</summary>
    public static int SkipValue(ReadOnlySpan<byte> json, int pos)
    {
        var reader = Reader(json, pos);
        reader.Skip();
        return pos + (int)reader.BytesConsumed;
    }

    /// <summary>A reader over the value starting at <paramref name="pos"/>, already on its first token.</summary>
    public static Utf8JsonReader Reader(ReadOnlySpan<byte> json, int pos)
    {
        var reader = new Utf8JsonReader(json[pos..], new JsonReaderOptions { MaxDepth = 256 });
        if (!reader.Read())
        {
            throw new JsonException($"Unexpected end of the Trino page at byte {pos}.");
        }

        return reader;
    }

    public static JsonException Unexpected(ReadOnlySpan<byte> json, int pos, string expected) =>
        new(pos >= json.Length
            ? $"Unexpected end of the Trino page (expected {expected})."
            : $"Invalid Trino page: '{(char)json[pos]}' at byte {pos}, expected {expected}.");

    private static int Digits(ReadOnlySpan<byte> json, int i)
    {
        while ((uint)(At(json, i) - '0') <= 9)
        {
            i++;
        }

        return i;
    }
}
