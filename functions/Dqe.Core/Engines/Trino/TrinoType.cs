namespace Dqe.Core.Engines.Trino;

/// <summary>
/// A parsed Trino type such as <c>decimal(10,2)</c>, <c>timestamp(6) with time zone</c> or
/// <c>map(varchar, array(row(a bigint, "b c" double)))</c>.
/// </summary>
internal sealed record TrinoType(string Base, IReadOnlyList<TrinoType> TypeArguments, IReadOnlyList<long> NumberArguments, IReadOnlyList<string?> FieldNames, bool WithTimeZone)
{
    public long Number(int index, long fallback) => index < NumberArguments.Count ? NumberArguments[index] : fallback;

    public static TrinoType Parse(string text)
    {
        var position = 0;
        var type = ParseType(text, ref position);
        SkipSpaces(text, ref position);
        if (position != text.Length)
        {
            throw new FormatException($"Unexpected '{text[position..]}' in Trino type '{text}'.");
        }

        return type;
    }

    private static TrinoType ParseType(string text, ref int position)
    {
        SkipSpaces(text, ref position);
        var name = ReadWords(text, ref position);
        var types = new List<TrinoType>();
        var numbers = new List<long>();
        var fields = new List<string?>();
        if (position < text.Length && text[position] == '(')
        {
            position++;
            while (true)
            {
                SkipSpaces(text, ref position);
                if (name == "row")
                {
                    var (field, type) = ParseField(text, ref position);
                    fields.Add(field);
                    types.Add(type);
                }
                else if (char.IsAsciiDigit(text[position]))
                {
                    var start = position;
                    while (position < text.Length && char.IsAsciiDigit(text[position]))
                    {
                        position++;
                    }

                    numbers.Add(long.Parse(text.AsSpan(start, position - start), System.Globalization.CultureInfo.InvariantCulture));
                }
                else
                {
                    types.Add(ParseType(text, ref position));
                }

                SkipSpaces(text, ref position);
                var separator = position < text.Length ? text[position++] : '\0';
                if (separator == ')')
                {
                    break;
                }

                if (separator != ',')
                {
                    throw new FormatException($"Expected ',' or ')' in Trino type '{text}'.");
                }
            }
        }

        SkipSpaces(text, ref position);
        var suffix = ReadWords(text, ref position);
        var withZone = suffix == "with time zone" || name.EndsWith(" with time zone", StringComparison.Ordinal);
        return new TrinoType(name.Replace(" with time zone", "", StringComparison.Ordinal), types, numbers, fields, withZone);
    }

    private static (string? Name, TrinoType Type) ParseField(string text, ref int position)
    {
        if (text[position] == '"')
        {
            var name = new System.Text.StringBuilder();
            position++;
            while (true)
            {
                if (text[position] == '"' && (position + 1 >= text.Length || text[position + 1] != '"'))
                {
                    position++;
                    break;
                }

                if (text[position] == '"')
                {
                    position++;
                }

                name.Append(text[position++]);
            }

            return (name.ToString(), ParseType(text, ref position));
        }

        // "a bigint" is a named field; "bigint" or "timestamp(3)" alone is an anonymous one.
        var start = position;
        while (position < text.Length && (char.IsAsciiLetterOrDigit(text[position]) || text[position] == '_'))
        {
            position++;
        }

        var word = text[start..position];
        var rest = position;
        SkipSpaces(text, ref rest);
        var named = rest > position && rest < text.Length && text[rest] is not (',' or ')') && word != "interval" && word != "double";
        if (named)
        {
            position = rest;
            return (word, ParseType(text, ref position));
        }

        position = start;
        return (null, ParseType(text, ref position));
    }

    private static string ReadWords(string text, ref int position)
    {
        var start = position;
        while (position < text.Length && text[position] is not ('(' or ')' or ','))
        {
            position++;
        }

        return text[start..position].Trim().ToLowerInvariant();
    }

    private static void SkipSpaces(string text, ref int position)
    {
        while (position < text.Length && text[position] == ' ')
        {
            position++;
        }
    }
}
