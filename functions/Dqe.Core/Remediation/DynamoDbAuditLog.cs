using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Dqe.Core.Remediation;

/// <summary>Audit records in the remediation table: <c>pk = audit#fingerprint</c>, <c>sk = time#step#id</c>, kept 90 days (TTL).</summary>
public sealed class DynamoDbAuditLog : IAuditLog
{
    public static readonly TimeSpan Retention = TimeSpan.FromDays(90);
    private readonly IAmazonDynamoDB _dynamo;
    private readonly string _table;

    public DynamoDbAuditLog(IAmazonDynamoDB dynamo, string table)
    {
        _dynamo = dynamo;
        _table = table;
    }

    public Task AppendAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        static AttributeValue S(string value) => new() { S = value.Length == 0 ? "-" : value };
        var item = new Dictionary<string, AttributeValue>
        {
            ["pk"] = S("audit#" + record.Fingerprint),
            ["sk"] = S($"{record.At:O}#{record.Step}#{record.Id}"),
            ["ttl"] = new() { N = (record.At + Retention).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) },
            ["actor"] = S(record.Actor),
            ["step"] = S(record.Step),
            ["alertName"] = S(record.AlertName),
            ["action"] = S(record.Action),
            ["target"] = S(record.Target),
            ["outcome"] = S(record.Outcome),
            ["reason"] = S(record.Reason),
            ["dryRun"] = new() { BOOL = record.DryRun },
        };
        return _dynamo.PutItemAsync(new PutItemRequest { TableName = _table, Item = item }, cancellationToken);
    }
}
