using System.Reflection;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Dqe.Core.Tests.TestHelpers;

/// <summary>
/// An in-memory DynamoDB table answering the Get/Put/Update calls (and the condition expressions) the remediation
/// stores use. Built with <see cref="Create"/> as a DispatchProxy, so the huge client interface needs no stubs.
/// </summary>
public class FakeDynamoDb : DispatchProxy
{
    public Dictionary<string, Dictionary<string, AttributeValue>> Items { get; } = new(StringComparer.Ordinal);

    /// <summary>Runs before each conditional put is evaluated: lets a test slip in a concurrent writer.</summary>
    public Action<FakeDynamoDb>? BeforePut { get; set; }

    public int ConditionFailures { get; private set; }

    public static (IAmazonDynamoDB Client, FakeDynamoDb Table) Create()
    {
        var client = Create<IAmazonDynamoDB, FakeDynamoDb>();
        return (client, (FakeDynamoDb)(object)client);
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => targetMethod?.Name switch
    {
        "GetItemAsync" => Task.FromResult(Get((GetItemRequest)args![0]!)),
        "PutItemAsync" => Task.FromResult(Put((PutItemRequest)args![0]!)),
        "UpdateItemAsync" => Task.FromResult(Update((UpdateItemRequest)args![0]!)),
        "DeleteItemAsync" => Task.FromResult(Delete((DeleteItemRequest)args![0]!)),
        _ => throw new NotSupportedException(targetMethod?.Name),
    };

    private static string KeyOf(Dictionary<string, AttributeValue> item) => item["pk"].S + "|" + item["sk"].S;

    private GetItemResponse Get(GetItemRequest request) =>
        new() { Item = Items.TryGetValue(KeyOf(request.Key), out var item) ? new(item) : [] };

    private PutItemResponse Put(PutItemRequest request)
    {
        if (request.ConditionExpression is not null)
        {
            BeforePut?.Invoke(this);
        }

        Items.TryGetValue(KeyOf(request.Item), out var existing);
        var values = request.ExpressionAttributeValues ?? [];
        var ok = request.ConditionExpression switch
        {
            null => true,
            "attribute_not_exists(pk)" => existing is null,
            "attribute_not_exists(pk) OR #until <= :now" => existing is null || long.Parse(existing["until"].N) <= long.Parse(values[":now"].N),
            "version = :version" => existing is not null && existing["version"].N == values[":version"].N,
            var other => throw new NotSupportedException(other),
        };
        if (!ok)
        {
            ConditionFailures++;
            throw new ConditionalCheckFailedException("The conditional request failed");
        }

        Items[KeyOf(request.Item)] = new(request.Item);
        return new PutItemResponse();
    }

    private DeleteItemResponse Delete(DeleteItemRequest request)
    {
        Items.Remove(KeyOf(request.Key));
        return new DeleteItemResponse();
    }

    private UpdateItemResponse Update(UpdateItemRequest request)
    {
        var key = KeyOf(request.Key);
        var item = Items.TryGetValue(key, out var existing) ? existing : new(request.Key);
        var values = request.ExpressionAttributeValues;
        var failures = item.TryGetValue("failures", out var f) ? long.Parse(f.N) : 0;
        failures = request.UpdateExpression.StartsWith("ADD failures", StringComparison.Ordinal) ? failures + long.Parse(values[":one"].N) : 0;
        item["failures"] = new AttributeValue { N = failures.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        item["ttl"] = values[":ttl"];
        Items[key] = item;
        return new UpdateItemResponse();
    }
}
