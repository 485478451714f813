using System.Text.Json.Nodes;

namespace Dqe.Core.Recovery.Restore;

/// <summary>
/// glue:GetTables returns <c>Table</c> objects; CreateTable/UpdateTable take a <c>TableInput</c>, which refuses
/// the read-only fields (DatabaseName, CreateTime, UpdateTime, CreatedBy, CatalogId, VersionId, ...). Only the
/// fields TableInput documents are copied.
/// </summary>
internal static class GlueTableInputs
{
    private static readonly string[] Fields =
    [
        "Name", "Description", "Owner", "LastAccessTime", "LastAnalyzedTime", "Retention", "StorageDescriptor", "PartitionKeys",
        "ViewOriginalText", "ViewExpandedText", "TableType", "Parameters", "TargetTable", "ViewDefinition",
    ];

    public static JsonArray From(JsonArray tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var inputs = new JsonArray();
        foreach (var table in tables)
        {
            if (table is not JsonObject t || t["Name"]?.GetValue<string>() is not { Length: > 0 })
            {
                throw new InvalidOperationException($"catalog page holds a table without a name: {table?.ToJsonString()}");
            }

            var input = new JsonObject();
            foreach (var field in Fields)
            {
                if (t[field] is { } value)
                {
                    input[field] = value.DeepClone();
                }
            }

            inputs.Add((JsonNode)input);
        }

        return inputs;
    }
}
