namespace Dqe.Core.Engines.Trino;

/// <summary>A <c>row(...)</c> value: field names (null for anonymous fields) and values in field order.</summary>
public sealed record TrinoRowValue(IReadOnlyList<string?> Names, IReadOnlyList<object?> Values)
{
    public object? this[string name]
    {
        get
        {
            for (var i = 0; i < Names.Count; i++)
            {
                if (string.Equals(Names[i], name, StringComparison.Ordinal))
                {
                    return Values[i];
                }
            }

            throw new KeyNotFoundException($"Row has no field '{name}'.");
        }
    }
}
