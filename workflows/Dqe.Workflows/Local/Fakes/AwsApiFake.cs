using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Dqe.Workflows.Local.Fakes;

/// <summary>
/// Stands in for the AWS APIs workflows call through Step Functions integrations (aws-sdk:* and optimized
/// ones). Records every call, answers with the documented response shape, and keeps just enough state
/// (snapshots, items) for describe/get calls to see earlier writes. Unknown actions fail loudly.
/// </summary>
public sealed class AwsApiFake : ITaskRouter
{
    private readonly ConcurrentDictionary<string, JsonObject> _snapshots = new();
    private readonly ConcurrentDictionary<string, JsonObject> _items = new();
    private readonly ConcurrentQueue<TaskCall> _calls = new();
    private readonly TimeProvider _time;
    private int _sequence;

    public AwsApiFake(TimeProvider time) => _time = time;

    public IReadOnlyList<TaskCall> Calls => [.. _calls];

    public IReadOnlyCollection<string> SnapshotIds => [.. _snapshots.Keys];

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
        var found = new JsonArray();
        foreach (var (id, snapshot) in _snapshots.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            if (ids is null || ids.Contains(id))
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
