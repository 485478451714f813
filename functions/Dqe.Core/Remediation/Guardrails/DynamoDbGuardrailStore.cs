using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Dqe.Core.Remediation.Guardrails;

/// <summary>
/// <see cref="IGuardrailStore"/> on one DynamoDB table (<c>pk</c>/<c>sk</c> strings, <c>ttl</c> epoch seconds).
/// Cooldowns are conditional puts; the rate-limit/blast-radius window is one versioned ledger item updated with an
/// optimistic-concurrency condition, so concurrent Lambdas cannot both take the last slot.
/// </summary>
public sealed class DynamoDbGuardrailStore : IGuardrailStore
{
    private const int LedgerAttempts = 5;
    private const string LedgerKey = "ledger";
    private readonly IAmazonDynamoDB _dynamo;
    private readonly string _table;
    private readonly TimeSpan _retention;

    public DynamoDbGuardrailStore(IAmazonDynamoDB dynamo, string table, TimeSpan retention)
    {
        _dynamo = dynamo;
        _table = table;
        _retention = retention;
    }

    public async Task<bool> TryStartCooldownAsync(string key, DateTimeOffset now, TimeSpan cooldown, CancellationToken cancellationToken)
    {
        var item = Item("cooldown#" + key, now);
        item["until"] = Number((now + cooldown).ToUnixTimeMilliseconds());
        try
        {
            await _dynamo.PutItemAsync(
                new PutItemRequest
                {
                    TableName = _table,
                    Item = item,
                    ConditionExpression = "attribute_not_exists(pk) OR #until <= :now",
                    ExpressionAttributeNames = new() { ["#until"] = "until" },
                    ExpressionAttributeValues = new() { [":now"] = Number(now.ToUnixTimeMilliseconds()) },
                },
                cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    public Task ReleaseCooldownAsync(string key, CancellationToken cancellationToken) =>
        _dynamo.DeleteItemAsync(new DeleteItemRequest { TableName = _table, Key = Key("cooldown#" + key) }, cancellationToken);

    public async Task<int> GetFailuresAsync(string alertKey, CancellationToken cancellationToken)
    {
        var item = await GetAsync("breaker#" + alertKey, cancellationToken).ConfigureAwait(false);
        return item?.TryGetValue("failures", out var value) == true ? int.Parse(value.N, CultureInfo.InvariantCulture) : 0;
    }

    public Task RecordResultAsync(string alertKey, bool succeeded, DateTimeOffset now, CancellationToken cancellationToken) =>
        _dynamo.UpdateItemAsync(
            new UpdateItemRequest
            {
                TableName = _table,
                Key = Key("breaker#" + alertKey),
                UpdateExpression = succeeded ? "SET failures = :zero, #ttl = :ttl" : "ADD failures :one SET #ttl = :ttl",
                ExpressionAttributeNames = new() { ["#ttl"] = "ttl" },
                ExpressionAttributeValues = succeeded
                    ? new() { [":zero"] = Number(0), [":ttl"] = Number(Expiry(now)) }
                    : new() { [":one"] = Number(1), [":ttl"] = Number(Expiry(now)) },
            },
            cancellationToken);

    public async Task<ReservationResult> TryReserveAsync(RemediationTarget target, DateTimeOffset now, WindowLimits limits, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < LedgerAttempts; attempt++)
        {
            var ledger = await GetAsync(LedgerKey, cancellationToken).ConfigureAwait(false);
            var version = ledger?.TryGetValue("version", out var v) == true ? long.Parse(v.N, CultureInfo.InvariantCulture) : 0;
            var since = (now - limits.Window).ToUnixTimeMilliseconds();
            var entries = (ledger?.TryGetValue("entries", out var e) == true ? e.L : [])
                .Select(a => LedgerEntry.Parse(a.S))
                .Where(x => x.AtMs > since)
                .ToList();
            var verdict = WindowVerdict.Check(entries.Select(x => x.Target).ToList(), target, limits);
            if (!verdict.Reserved)
            {
                return verdict;
            }

            entries.Add(new LedgerEntry(now.ToUnixTimeMilliseconds(), target));
            var item = Item(LedgerKey, now);
            item["version"] = Number(version + 1);
            item["entries"] = new AttributeValue { L = entries.Select(x => new AttributeValue { S = x.Format() }).ToList() };
            try
            {
                await _dynamo.PutItemAsync(
                    new PutItemRequest
                    {
                        TableName = _table,
                        Item = item,
                        ConditionExpression = version == 0 ? "attribute_not_exists(pk)" : "version = :version",
                        ExpressionAttributeValues = version == 0 ? null : new() { [":version"] = Number(version) },
                    },
                    cancellationToken).ConfigureAwait(false);
                return verdict;
            }
            catch (ConditionalCheckFailedException)
            {
                // Another delivery reserved meanwhile: re-read and re-check against the new ledger.
            }
        }

        throw new InvalidOperationException($"the remediation ledger stayed contended for {LedgerAttempts} attempts");
    }

    public Task MarkResolvedAsync(string fingerprint, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var item = Item("resolved#" + fingerprint, at);
        item["at"] = Number(at.ToUnixTimeMilliseconds());
        return _dynamo.PutItemAsync(new PutItemRequest { TableName = _table, Item = item }, cancellationToken);
    }

    public async Task<DateTimeOffset?> GetResolvedAtAsync(string fingerprint, CancellationToken cancellationToken)
    {
        var item = await GetAsync("resolved#" + fingerprint, cancellationToken).ConfigureAwait(false);
        return item?.TryGetValue("at", out var at) == true
            ? DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(at.N, CultureInfo.InvariantCulture))
            : null;
    }

    private async Task<Dictionary<string, AttributeValue>?> GetAsync(string pk, CancellationToken cancellationToken)
    {
        var response = await _dynamo.GetItemAsync(new GetItemRequest { TableName = _table, Key = Key(pk), ConsistentRead = true }, cancellationToken).ConfigureAwait(false);
        return response.Item is { Count: > 0 } item ? item : null;
    }

    private Dictionary<string, AttributeValue> Item(string pk, DateTimeOffset now)
    {
        var item = Key(pk);
        item["ttl"] = Number(Expiry(now));
        return item;
    }

    private long Expiry(DateTimeOffset now) => (now + _retention).ToUnixTimeSeconds();

    private static Dictionary<string, AttributeValue> Key(string pk) =>
        new() { ["pk"] = new AttributeValue { S = pk }, ["sk"] = new AttributeValue { S = "-" } };

    private static AttributeValue Number(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };
}
