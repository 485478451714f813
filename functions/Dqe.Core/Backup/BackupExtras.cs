using System.Globalization;
using System.Text.Json.Nodes;

namespace Dqe.Core.Backup;

/// <summary>
/// What a ClickHouse backup alone cannot bring back, saved next to its manifest: the Glue catalog of the lake
/// (pages of glue:GetTables that the workflow reads through its SDK integration) and the Kafka topic definitions.
/// Both refuse a backup id without a manifest, so a bad event writes nothing.
/// </summary>
internal sealed class BackupExtras(IBackupStore store, ITopicSource? topics)
{
    public const string TopicsFile = "kafka-topics.json";

    /// <summary>Saves one page of the catalog as <c>glue-tables-NNNN.json</c>; returns the file name.</summary>
    public async Task<string> SaveCatalogPageAsync(string backupId, int page, JsonArray tables, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tables);
        if (page is < 1 or > 9999)
        {
            throw new ArgumentException($"catalog page must be 1-9999, got {page}.", nameof(page));
        }

        await RequireManifestAsync(backupId, cancellationToken).ConfigureAwait(false);
        var name = string.Create(CultureInfo.InvariantCulture, $"glue-tables-{page:D4}.json");
        await store.SaveAttachmentAsync(backupId, name, new JsonObject { ["page"] = page, ["tables"] = tables.DeepClone() }, cancellationToken).ConfigureAwait(false);
        return name;
    }

    /// <summary>Saves every KafkaTopic's definition as <c>kafka-topics.json</c>; returns the file name.</summary>
    public async Task<(string File, int Count)> ExportTopicsAsync(string backupId, CancellationToken cancellationToken)
    {
        var source = topics ?? throw new InvalidOperationException("no Kafka topic source is configured for this backup service.");
        await RequireManifestAsync(backupId, cancellationToken).ConfigureAwait(false);
        var list = await source.ListTopicsAsync(cancellationToken).ConfigureAwait(false);
        await store.SaveAttachmentAsync(backupId, TopicsFile, new JsonObject { ["topics"] = list }, cancellationToken).ConfigureAwait(false);
        return (TopicsFile, list.Count);
    }

    private async Task RequireManifestAsync(string backupId, CancellationToken cancellationToken)
    {
        if (await store.GetManifestAsync(backupId, cancellationToken).ConfigureAwait(false) is null)
        {
            throw new InvalidOperationException($"no manifest for backup '{backupId}'.");
        }
    }
}
