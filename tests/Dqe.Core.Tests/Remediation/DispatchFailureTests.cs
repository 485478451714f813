using System.Text;
using Dqe.Core.Remediation;
using Dqe.Core.Remediation.Actions;
using Dqe.Core.Remediation.Guardrails;
using Dqe.Core.Remediation.Webhook;
using Dqe.Core.Tests.TestHelpers;
using Microsoft.Extensions.Time.Testing;

namespace Dqe.Core.Tests.Remediation;

/// <summary>A dispatch that fails answers 503 and gives its cooldown slot back, so Alertmanager's retry is handled, not a duplicate.</summary>
public sealed class DispatchFailureTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 10, 5, 0, TimeSpan.Zero));
    private readonly FlakyDispatcher _dispatcher = new() { FailuresLeft = 1 };
    private readonly InMemoryAuditLog _audit = new();

    [Theory]
    [InlineData(RunbookActions.RestartPod)]
    [InlineData(RunbookActions.DrainNode)]
    public async Task HandleAsync_RetryAfterDispatchFailure_IsDispatchedNotDuplicate(string action)
    {
        var webhook = Webhook(new InMemoryGuardrailStore());
        var body = AlertPayloads.Firing("ab42", labels: [("remediation", action)]);

        var first = await PostAsync(webhook, body);
        _time.Advance(TimeSpan.FromSeconds(10));
        var retry = await PostAsync(webhook, body);

        Assert.Equal(503, first.Status);
        Assert.Equal(200, retry.Status);
        Assert.Equal(DecisionOutcome.Act, Assert.Single(retry.Decisions).Outcome);
        Assert.Single(_dispatcher.Dispatched);
    }

    [Fact]
    public async Task HandleAsync_RetryAfterDispatchFailure_DynamoDbStoreReleasesTheSlotToo()
    {
        var (client, table) = FakeDynamoDb.Create();
        var webhook = Webhook(new DynamoDbGuardrailStore(client, "dqe-remediation", TimeSpan.FromHours(24)));
        var body = AlertPayloads.Firing("ab43", labels: [("remediation", RunbookActions.RestartPod)]);

        var first = await PostAsync(webhook, body);
        var cooldownsAfterFailure = table.Items.Keys.Count(k => k.StartsWith("cooldown#", StringComparison.Ordinal));
        var retry = await PostAsync(webhook, body);

        Assert.Equal((503, 0), (first.Status, cooldownsAfterFailure));
        Assert.Equal(DecisionOutcome.Act, Assert.Single(retry.Decisions).Outcome);
    }

    [Fact]
    public async Task HandleAsync_SecondPostAfterSuccessfulDispatch_IsStillDuplicate()
    {
        _dispatcher.FailuresLeft = 0;
        var webhook = Webhook(new InMemoryGuardrailStore());
        var body = AlertPayloads.Firing("ab44", labels: [("remediation", RunbookActions.RestartPod)]);

        await PostAsync(webhook, body);
        var again = await PostAsync(webhook, body);

        Assert.Equal(DecisionOutcome.Duplicate, Assert.Single(again.Decisions).Outcome);
        Assert.Single(_dispatcher.Dispatched);
    }

    private RemediationWebhook Webhook(IGuardrailStore store)
    {
        var options = new RemediationOptions();
        var cluster = new FakeClusterActions();
        var runbooks = new RunbookRegistry(options, cluster, cluster);
        return new RemediationWebhook(new BearerTokenValidator([RemediationHarness.Token]), new RemediationServices(options, runbooks, store, _audit, _dispatcher, _time));
    }

    private static Task<WebhookReply> PostAsync(RemediationWebhook webhook, string body) =>
        webhook.HandleAsync("Bearer " + RemediationHarness.Token, Encoding.UTF8.GetBytes(body), CancellationToken.None);
}
