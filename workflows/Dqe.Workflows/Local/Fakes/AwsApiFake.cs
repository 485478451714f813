using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Dqe.Workflows.Local.Fakes;

/// <summary>
/// Stands in for the AWS APIs workflows call through Step Functions integrations (aws-sdk:* and optimized
/// ones). Records every call, answers with the documented response shape, and keeps just enough state
/// (snapshots, items) for describe/get calls to see earlier writes. Unknown actions fail loudly. Volumes and Glue
/// tables are seeded by the test (<see cref="SeedVolume"/>, <see cref="SeedTables"/>); describe calls honour
/// <c>tag:KEY</c> filters as EC2 does, and glue:getTables pages with NextToken.
/// </summary>
public sealed class AwsApiFake : ITaskRouter
{
    private readonly ConcurrentDictionary<string, JsonObject> _snapshots = new();
    private readonly ConcurrentDictionary<string, JsonObject> _items = new();
    private readonly ConcurrentDictionary<string, JsonObject> _volumes = new();
    private readonly ConcurrentDictionary<string, List<JsonObject>> _tables = new();
    private readonly ConcurrentQueue<TaskCall> _calls = new();
    private readonly TimeProvider _time;
    private int _sequence;

    public AwsApiFake(TimeProvider time) => _time = time;

    public IReadOnlyList<TaskCall> Calls => [.. _calls];

    public IReadOnlyCollection<string> SnapshotIds => [.. _snapshots.Keys];

    /// <summary>Snapshots as EC2 would describe them (tags included).</summary>
    public IReadOnlyList<JsonObject> Snapshots => [.. _snapshots.Values.Select(s => s.DeepClone().AsObject())];

    /// <summary>An EBS volume ec2:describeVolumes finds, with its tags.</summary>
    public void SeedVolume(string volumeId, params (string Key, string Value)[] tags) => _volumes[volumeId] = new JsonObject
    {
        ["VolumeId"] = volumeId,
        ["State"] = "in-use",
        ["Tags"] = Tags(tags),
    };

    /// <summary>An existing snapshot (an earlier backup's), with its tags.</summary>
    public void SeedSnapshot(string snapshotId, params (string Key, string Value)[] tags) => _snapshots[snapshotId] = new JsonObject
    {
        ["SnapshotId"] = snapshotId,
        ["State"] = "completed",
        ["Tags"] = Tags(tags),
    };

    /// <summary>Tables glue:getTables lists for <paramref name="database"/>, in order.</summary>
    public void SeedTables(string database, params string[] names) =>
        _tables[database] = [.. names.Select(n => new JsonObject { ["Name"] = n, ["DatabaseName"] = database, ["TableType"] = "EXTERNAL_TABLE" })];

    public Task<TaskOutcome> InvokeAsync(TaskCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        _calls.Enqueue(call);
        var input = call.Input as JsonObject ?? [];
        var outcome = $"{call.Target.SdkService}:{call.Target.SdkAction}" switch
        {
            "ec2:createSnapshot" => CreateSnapshot(input),
            "ec2:describeSnapshots" => DescribeSnapshots(input),
            "ec2:deleteSnapshot" => DeleteSnapshot(input),
            "ec2:describeVolumes" => DescribeVolumes(input),
            "glue:getTables" => GetTables(input),
            "glue:createTable" => PutTable(input, create: true),
            "glue:updateTable" => PutTable(input, create: false),
            "sns:publish" => TaskOutcome.Success(new JsonObject { ["MessageId"] = NextId("msg") }),
            "dynamodb:putItem" => PutItem(input),
            "dynamodb:getItem" => GetItem(input),
            "dynamodb:updateItem" or "dynamodb:deleteItem" => TaskOutcome.Success(new JsonObject()),
            "s3:putObject" => TaskOutcome.Success(new JsonObject { ["ETag"] = $"\"{NextId("etag")}\"" }),
            "sfn:startExecution" or "states:startExecution" => TaskOutcome.Success(new JsonObject
            {
                ["ExecutionArn"] = $"arn:aws:states:local:{AslExtractor.PlaceholderAccount}:execution:{NextId("exec")}",
                ["StartDate"] = _time.GetUtcNow().ToString("O"),
            }),
            var other => TaskOutcome.Failure("Dqe.UnsupportedFake", $"no local fake for {other} (state '{call.State}'): add one to AwsApiFake"),
        };
        return Task.FromResult(outcome);
    }

    private TaskOutcome CreateSnapshot(JsonObject input)
    {
        if (input["VolumeId"]?.GetValue<string>() is not { Length: > 0 } volume)
        {
            return TaskOutcome.Failure("Ec2.MissingParameterException", "The request must contain the parameter VolumeId");
        }

        var id = NextId("snap");
        var snapshot = new JsonObject
        {
            ["SnapshotId"] = id,
            ["VolumeId"] = volume,
            ["State"] = "pending",
            ["StartTime"] = _time.GetUtcNow().ToString("O"),
            ["Description"] = input["Description"]?.DeepClone(),
            ["Tags"] = input["TagSpecifications"]?[0]?["Tags"]?.DeepClone() ?? new JsonArray(),
        };
        _snapshots[id] = snapshot;
        return TaskOutcome.Success(snapshot.DeepClone());
    }

    private TaskOutcome DescribeSnapshots(JsonObject input)
    {
        var ids = input["SnapshotIds"]?.AsArray().Select(n => n!.GetValue<string>()).ToList();
        var filter = TagFilter(input);
        var found = new JsonArray();
        foreach (var (id, snapshot) in _snapshots.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            if ((ids is null || ids.Contains(id)) && filter(snapshot))
            {
                // Snapshots complete between polls: the first describe after create already sees them done.
                snapshot["State"] = "completed";
                snapshot["Progress"] = "100%";
                found.Add(snapshot.DeepClone());
            }
        }

        var missing = ids?.FirstOrDefault(i => !_snapshots.ContainsKey(i));
        return missing is null
            ? TaskOutcome.Success(new JsonObject { ["Snapshots"] = found })
            : TaskOutcome.Failure("Ec2.Ec2Exception", $"The snapshot '{missing}' does not exist.");
    }

    private TaskOutcome DeleteSnapshot(JsonObject input)
    {
        var id = input["SnapshotId"]?.GetValue<string>() ?? "";
        return _snapshots.TryRemove(id, out _)
            ? TaskOutcome.Success(new JsonObject())
            : TaskOutcome.Failure("Ec2.Ec2Exception", $"The snapshot '{id}' does not exist.");
    }

    private TaskOutcome DescribeVolumes(JsonObject input)
    {
        var ids = input["VolumeIds"]?.AsArray().Select(n => n!.GetValue<string>()).ToList();
        if (ids?.FirstOrDefault(i => !_volumes.ContainsKey(i)) is { } missing)
        {
            return TaskOutcome.Failure("Ec2.Ec2Exception", $"The volume '{missing}' does not exist.");
        }

        var filter = TagFilter(input);
        var found = _volumes.OrderBy(v => v.Key, StringComparer.Ordinal)
            .Where(v => (ids is null || ids.Contains(v.Key)) && filter(v.Value))
            .Select(v => (JsonNode?)v.Value.DeepClone());
        return TaskOutcome.Success(new JsonObject { ["Volumes"] = new JsonArray([.. found]) });
    }

    private TaskOutcome GetTables(JsonObject input)
    {
        var database = input["DatabaseName"]?.GetValue<string>() ?? "";
        if (!_tables.TryGetValue(database, out var tables))
        {
            return TaskOutcome.Failure("Glue.EntityNotFoundException", $"Database {database} not found.");
        }

        var size = input["MaxResults"]?.GetValue<int>() ?? 100;
        var start = input["NextToken"]?.GetValue<string>() is { } token ? int.Parse(token, System.Globalization.CultureInfo.InvariantCulture) : 0;
        var page = new JsonObject { ["TableList"] = new JsonArray([.. tables.Skip(start).Take(size).Select(t => (JsonNode?)t.DeepClone())]) };
        if (start + size < tables.Count)
        {
            page["NextToken"] = (start + size).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return TaskOutcome.Success(page);
    }

    /// <summary>The tables of <paramref name="database"/> as Glue holds them now (after createTable/updateTable calls).</summary>
    public IReadOnlyList<JsonObject> Tables(string database) =>
        _tables.TryGetValue(database, out var tables) ? [.. tables.Select(t => t.DeepClone().AsObject())] : [];

    /// <summary>glue:CreateTable refuses a name that exists (AlreadyExistsException); UpdateTable one that does not (EntityNotFoundException).</summary>
    private TaskOutcome PutTable(JsonObject input, bool create)
    {
        var database = input["DatabaseName"]?.GetValue<string>() ?? "";
        var name = input["TableInput"]?["Name"]?.GetValue<string>() ?? "";
        if (!_tables.TryGetValue(database, out var tables))
        {
            return TaskOutcome.Failure("Glue.EntityNotFoundException", $"Database {database} not found.");
        }

        lock (tables)
        {
            var at = tables.FindIndex(t => t["Name"]?.GetValue<string>() == name);
            if (create == at >= 0)
            {
                return create
                    ? TaskOutcome.Failure("Glue.AlreadyExistsException", $"Table already exists: {name}")
                    : TaskOutcome.Failure("Glue.EntityNotFoundException", $"Table {name} not found.");
            }

            var table = input["TableInput"]!.DeepClone().AsObject();
            table["DatabaseName"] = database;
            if (create)
            {
                tables.Add(table);
            }
            else
            {
                tables[at] = table;
            }
        }

        return TaskOutcome.Success(new JsonObject());
    }

    /// <summary>EC2's Filters for <c>tag:KEY</c> (any of Values); other filter names are not faked and fail the match.</summary>
    private static Func<JsonObject, bool> TagFilter(JsonObject input)
    {
        var filters = (input["Filters"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(f => (Name: f["Name"]?.GetValue<string>() ?? "", Values: f["Values"]?.AsArray().Select(v => v!.GetValue<string>()).ToList() ?? []))
            .ToList();
        return resource => filters.All(f => f.Name.StartsWith("tag:", StringComparison.Ordinal)
            && (resource["Tags"] as JsonArray ?? []).Any(t => t?["Key"]?.GetValue<string>() == f.Name[4..] && f.Values.Contains(t["Value"]?.GetValue<string>() ?? "")));
    }

    private static JsonArray Tags((string Key, string Value)[] tags) =>
        [.. tags.Select(t => (JsonNode?)new JsonObject { ["Key"] = t.Key, ["Value"] = t.Value })];

    private TaskOutcome PutItem(JsonObject input)
    {
        _items[ItemKey(input, input["Item"])] = input["Item"]!.AsObject().DeepClone().AsObject();
        return TaskOutcome.Success(new JsonObject());
    }

    private TaskOutcome GetItem(JsonObject input) =>
        TaskOutcome.Success(_items.TryGetValue(ItemKey(input, input["Key"]), out var item)
            ? new JsonObject { ["Item"] = item.DeepClone() }
            : new JsonObject());

    // Items are keyed by table plus the whole key object: enough for the get-after-put the workflows do.
    private static string ItemKey(JsonObject input, JsonNode? key) => $"{input["TableName"]}|{key?["pk"]?.ToJsonString() ?? key?.ToJsonString()}";

    private string NextId(string prefix) => $"{prefix}-{Interlocked.Increment(ref _sequence):x8}";
}
