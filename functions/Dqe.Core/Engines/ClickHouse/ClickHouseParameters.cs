using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Dqe.Core.Engines.ClickHouse;

/// <summary>
/// Binds <c>{name:Type}</c> placeholders client-side as <c>CAST('value' AS Type)</c> (or a backticked name for
/// <c>Identifier</c>). Server-side <c>param_</c> binding only exists from ClickHouse 19.x; this works on 18.16 too.
/// Placeholders inside quoted literals and identifiers are left alone.
/// </summary>
internal static partial class ClickHouseParameters
{
    public static string Bind(string sql, IReadOnlyDictionary<string, string>? parameters)
    {
        if (sql.IndexOf('{', StringComparison.Ordinal) < 0)
        {
            return sql;
        }

        var text = new StringBuilder(sql.Length + 32);
        var quote = '\0';
        for (var i = 0; i < sql.Length; i++)
        {
            var c = sql[i];
            if (quote != '\0')
            {
                text.Append(c);
                if (c == '\\' && i + 1 < sql.Length)
                {
                    text.Append(sql[++i]);
                }
                else if (c == quote)
                {
                    quote = '\0';
                }

                continue;
            }

            if (c is '\'' or '`' or '"')
            {
                quote = c;
            }

            var match = c == '{' ? Placeholder().Match(sql, i) : Match.Empty;
            if (match.Success && match.Index == i)
            {
                text.Append(Literal(match.Groups["name"].Value, match.Groups["type"].Value.Trim(), parameters));
                i += match.Length - 1;
                continue;
            }

            text.Append(c);
        }

        return text.ToString();
    }

    private static string Literal(string name, string type, IReadOnlyDictionary<string, string>? parameters)
    {
        if (parameters is null || !parameters.TryGetValue(name, out var value))
        {
            throw new ArgumentException($"Parameters: no value for placeholder '{{{name}:{type}}}'.", nameof(QueryRequest.Parameters));
        }

        if (type == "Identifier")
        {
            return ClickHouseClientOptions.Identifier().IsMatch(value)
                ? $"`{value}`"
                : throw new ArgumentException($"Parameters: '{name}' = '{value}' is not a plain identifier.", nameof(QueryRequest.Parameters));
        }

        return string.Create(CultureInfo.InvariantCulture, $"CAST({ClickHouseTsv.Quote(value)} AS {type})");
    }

    [GeneratedRegex(@"\{(?<name>[A-Za-z_][A-Za-z0-9_]*):(?<type>[A-Za-z0-9_(), ]+)\}")]
    private static partial Regex Placeholder();
}
