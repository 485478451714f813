using System.Text;
using Dqe.Core.Remediation;
using Dqe.Core.Remediation.Actions;
using Dqe.Core.Remediation.Guardrails;
using Dqe.Core.Remediation.Webhook;
using Microsoft.Extensions.Time.Testing;

namespace Dqe.Core.Tests.TestHelpers;

/// <summary>The webhook wired to in-memory guardrails, audit and a fake cluster, with a fake clock.</summary>
public sealed class RemediationHarness
{
    public const string Token = "test-token-0123456789";

    public RemediationHarness(RemediationOptions? options = null)
    {
        Options = options ?? new RemediationOptions();
        var runbooks = new RunbookRegistry(Options, Cluster, Cluster);
        var executor = new RemediationExecutor(runbooks, Store, Audit, Time);
        var dispatcher = new InlineRemediationDispatcher(executor, new AuditingEscalator(Audit, Time));
        Webhook = new RemediationWebhook(new BearerTokenValidator(["old-token-abcdef", Token]), new RemediationServices(Options, runbooks, Store, Audit, dispatcher, Time));
    }

    public RemediationOptions Options { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 25, 10, 5, 0, TimeSpan.Zero));

    public FakeClusterActions Cluster { get; } = new();

    public InMemoryGuardrailStore Store { get; } = new();

    public InMemoryAuditLog Audit { get; } = new();

    public RemediationWebhook Webhook { get; }

    public Task<WebhookReply> PostAsync(string body, string? authorization = "Bearer " + Token) =>
        Webhook.HandleAsync(authorization, Encoding.UTF8.GetBytes(body), CancellationToken.None);

    public IEnumerable<AuditRecord> Steps(string step) => Audit.Snapshot().Where(r => r.Step == step);
}
