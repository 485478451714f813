using System.Text;

namespace Dqe.Core.Engines.ClickHouse;

/// <summary>TabSeparated escaping: <c>\N</c> is NULL; <c>\t \n \\ \' \0 \b \f \r</c> are escapes inside values.</summary>
internal static class ClickHouseTsv
{
    public static bool IsNull(ReadOnlySpan<byte> field) => field.Length == 2 && field[0] == '\\' && field[1] == 'N';

    public static string Unescape(ReadOnlySpan<byte> field)
    {
        if (field.IndexOf((byte)'\\') < 0)
        {
            return Encoding.UTF8.GetString(field);
        }

        var bytes = new byte[field.Length];
        var length = 0;
        for (var i = 0; i < field.Length; i++)
        {
            var b = field[i];
            if (b == '\\' && i + 1 < field.Length)
            {
                b = field[++i] switch
                {
                    (byte)'t' => (byte)'\t',
                    (byte)'n' => (byte)'\n',
                    (byte)'r' => (byte)'\r',
                    (byte)'0' => 0,
                    (byte)'b' => (byte)'\b',
                    (byte)'f' => (byte)'\f',
                    var other => other,
                };
            }

            bytes[length++] = b;
        }

        return Encoding.UTF8.GetString(bytes, 0, length);
    }

    /// <summary>Quotes a value as a ClickHouse string literal.</summary>
    public static string Quote(string value)
    {
        var text = new StringBuilder(value.Length + 2).Append('\'');
        foreach (var c in value)
        {
            _ = c switch
            {
                '\'' => text.Append("\\'"),
                '\\' => text.Append("\\\\"),
                '\n' => text.Append("\\n"),
                '\t' => text.Append("\\t"),
                '\r' => text.Append("\\r"),
                '\0' => text.Append("\\0"),
                _ => text.Append(c),
            };
        }

        return text.Append('\'').ToString();
    }
}
