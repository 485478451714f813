using Dqe.Core.Remediation;
using Dqe.Core.Remediation.Guardrails;
using Dqe.Core.Tests.TestHelpers;

namespace Dqe.Core.Tests.Remediation;

public sealed class DynamoDbGuardrailStoreTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private static readonly WindowLimits Limits = new(TimeSpan.FromMinutes(15), MaxActions: 2, MaxTargets: 5, MaxZones: 1);
    private readonly (Amazon.DynamoDBv2.IAmazonDynamoDB Client, FakeDynamoDb Table) _dynamo = FakeDynamoDb.Create();

    private DynamoDbGuardrailStore Store => new(_dynamo.Client, "dqe-remediation", TimeSpan.FromHours(24));

    [Fact]
    public async Task TryStartCooldownAsync_SecondWithinCooldown_IsRefusedUntilItExpires()
    {
        Assert.True(await Store.TryStartCooldownAsync("a|pod/x/y", Now, TimeSpan.FromMinutes(30), CancellationToken.None));
        Assert.False(await Store.TryStartCooldownAsync("a|pod/x/y", Now.AddMinutes(29), TimeSpan.FromMinutes(30), CancellationToken.None));
        Assert.True(await Store.TryStartCooldownAsync("a|pod/x/y", Now.AddMinutes(30), TimeSpan.FromMinutes(30), CancellationToken.None));
        Assert.Equal(Now.AddHours(24.5).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), _dynamo.Table.Items.Single().Value["ttl"].N);
    }

    [Fact]
    public async Task ReleaseCooldownAsync_WithinCooldown_NextStartIsAllowed()
    {
        await Store.TryStartCooldownAsync("a|pod/x/y", Now, TimeSpan.FromMinutes(30), CancellationToken.None);

        await Store.ReleaseCooldownAsync("a|pod/x/y", CancellationToken.None);

        Assert.True(await Store.TryStartCooldownAsync("a|pod/x/y", Now.AddMinutes(1), TimeSpan.FromMinutes(30), CancellationToken.None));
    }

    [Fact]
    public async Task RecordResultAsync_FailuresCountUpAndASuccessResets()
    {
        await Store.RecordResultAsync("k", false, Now, CancellationToken.None);
        await Store.RecordResultAsync("k", false, Now, CancellationToken.None);
        var afterFailures = await Store.GetFailuresAsync("k", CancellationToken.None);
        await Store.RecordResultAsync("k", true, Now, CancellationToken.None);

        Assert.Equal(2, afterFailures);
        Assert.Equal(0, await Store.GetFailuresAsync("k", CancellationToken.None));
    }

    [Fact]
    public async Task TryReserveAsync_RateLimitAndZone_AreEnforcedFromTheLedger()
    {
        var first = await Store.TryReserveAsync(new RemediationTarget("pod", "trino", "a", "eu-west-1a"), Now, Limits, CancellationToken.None);
        var otherZone = await Store.TryReserveAsync(new RemediationTarget("pod", "trino", "b", "eu-west-1b"), Now, Limits, CancellationToken.None);
        var second = await Store.TryReserveAsync(new RemediationTarget("pod", "trino", "c", "eu-west-1a"), Now, Limits, CancellationToken.None);
        var third = await Store.TryReserveAsync(new RemediationTarget("pod", "trino", "d"), Now, Limits, CancellationToken.None);
        var afterWindow = await Store.TryReserveAsync(new RemediationTarget("pod", "trino", "d"), Now.AddMinutes(15), Limits, CancellationToken.None);

        Assert.True(first.Reserved);
        Assert.StartsWith("blast radius", otherZone.Reason, StringComparison.Ordinal);
        Assert.True(second.Reserved);
        Assert.StartsWith("rate limit", third.Reason, StringComparison.Ordinal);
        Assert.True(afterWindow.Reserved);
    }

    [Fact]
    public async Task TryReserveAsync_ConcurrentWriterTakesTheLastSlot_ReReadsAndRefuses()
    {
        var store = Store;
        await store.TryReserveAsync(new RemediationTarget("pod", "trino", "a"), Now, Limits, CancellationToken.None);
        var racing = true;
        _dynamo.Table.BeforePut = _ =>
        {
            if (racing)
            {
                racing = false;
                store.TryReserveAsync(new RemediationTarget("pod", "trino", "other"), Now, Limits, CancellationToken.None).GetAwaiter().GetResult();
            }
        };

        var result = await store.TryReserveAsync(new RemediationTarget("pod", "trino", "b"), Now, Limits, CancellationToken.None);

        Assert.False(result.Reserved);
        Assert.StartsWith("rate limit", result.Reason, StringComparison.Ordinal);
        Assert.Equal(1, _dynamo.Table.ConditionFailures);
    }

    [Fact]
    public async Task MarkResolvedAsync_IsReadBack()
    {
        await Store.MarkResolvedAsync("ab12", Now, CancellationToken.None);

        Assert.Equal(Now, await Store.GetResolvedAtAsync("ab12", CancellationToken.None));
        Assert.Null(await Store.GetResolvedAtAsync("ffff", CancellationToken.None));
    }

    [Fact]
    public async Task DynamoDbAuditLog_AppendAsync_WritesWhoWhatWhyResultWithTtl()
    {
        var record = new AuditRecord("id1", Now, RemediationAudit.Actor, "act", "ab12", "DqePodCrashLooping", "restart-pod", "pod/trino/x", "succeeded", "deleted pod", false);

        await new DynamoDbAuditLog(_dynamo.Client, "dqe-remediation").AppendAsync(record, CancellationToken.None);

        var item = Assert.Single(_dynamo.Table.Items).Value;
        Assert.Equal("audit#ab12", item["pk"].S);
        Assert.StartsWith("2026-11-25T10:00:00.0000000+00:00#act#id1", item["sk"].S, StringComparison.Ordinal);
        Assert.Equal("succeeded", item["outcome"].S);
        Assert.Equal(Now.AddDays(90).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), item["ttl"].N);
    }
}
