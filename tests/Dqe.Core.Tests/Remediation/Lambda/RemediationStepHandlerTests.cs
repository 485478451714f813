using System.Text.Json.Nodes;
using Dqe.Core.Remediation;
using Dqe.Core.Remediation.Lambda;
using Dqe.Core.Tests.TestHelpers;

namespace Dqe.Core.Tests.Remediation.Lambda;

/// <summary>act, verify and escalate on the run state the webhook's StartExecution carries.</summary>
public sealed class RemediationStepHandlerTests : IAsyncLifetime
{
    private RemediationLambdaHarness _h = null!;
    private JsonObject _run = null!;

    public async Task InitializeAsync()
    {
        _h = await RemediationLambdaHarness.StartAsync();
        await _h.InvokeAsync(RemediationHandlerNames.Webhook, RemediationLambdaHarness.ApiEvent(AlertPayloads.Fixture));
        _run = JsonNode.Parse(Assert.Single(_h.Endpoints.Executions).Value)!.AsObject();
        _h.Endpoints.Requests.Clear();
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Act_Decision_RunsTheRunbookAndAuditsSuccess()
    {
        var act = await _h.InvokeAsync(RemediationHandlerNames.Act, _run);

        Assert.Equal(DecisionOutcome.Succeeded, act["outcome"]!.GetValue<string>());
        Assert.Equal(["delete pod trino/trino-worker-7"], _h.Cluster.Changes);
    }

    [Fact]
    public async Task Act_AlertResolvedMeanwhile_ChangesNothing()
    {
        await _h.InvokeAsync(RemediationHandlerNames.Webhook, RemediationLambdaHarness.ApiEvent(AlertPayloads.Resolved(_run["decision"]!["alert"]!["fingerprint"]!.GetValue<string>())));

        var act = await _h.InvokeAsync(RemediationHandlerNames.Act, _run);

        Assert.Equal(DecisionOutcome.Resolved, act["outcome"]!.GetValue<string>());
        Assert.Empty(_h.Cluster.Changes);
    }

    [Fact]
    public async Task Act_NoDecision_InvalidRequestNamingTheField()
    {
        var e = await Assert.ThrowsAsync<Dqe.Core.Hosting.InvalidRequestException>(() => _h.InvokeAsync(RemediationHandlerNames.Act, new JsonObject { ["verifyAfterSeconds"] = 1 }));

        Assert.Equal("$.decision", e.Field);
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public async Task Verify_PrometheusAnswer_DecidesRecovery(bool stillFiring, bool recovered)
    {
        if (stillFiring)
        {
            _h.Endpoints.Firing[_run["decision"]!["alert"]!["alertName"]!.GetValue<string>()] = true;
        }

        var verify = await _h.InvokeAsync(RemediationHandlerNames.Verify, _run);

        Assert.Equal(recovered, verify["recovered"]!.GetValue<bool>());
        var query = Assert.Single(_h.Endpoints.Requests).Body;
        Assert.Contains("alertstate=\"firing\"", query, StringComparison.Ordinal);
        Assert.Contains("pod=\"trino-worker-7\"", query, StringComparison.Ordinal);
        Assert.Equal(recovered ? DecisionOutcome.Succeeded : DecisionOutcome.Failed, Assert.Single(_h.Audit.Snapshot(), r => r.Step == "verify").Outcome);
    }

    [Fact]
    public async Task Verify_ResolvedNotificationSeen_RecoveredWithoutAskingPrometheus()
    {
        await _h.Store.MarkResolvedAsync(_run["decision"]!["alert"]!["fingerprint"]!.GetValue<string>(), _h.Time.GetUtcNow(), CancellationToken.None);

        var verify = await _h.InvokeAsync(RemediationHandlerNames.Verify, _run);

        Assert.True(verify["recovered"]!.GetValue<bool>());
        Assert.Empty(_h.Endpoints.Requests);
    }

    [Fact]
    public async Task Verify_NoPrometheusAndNotResolved_NotRecovered()
    {
        _h.WithPrometheus = false;

        var verify = await _h.InvokeAsync(RemediationHandlerNames.Verify, _run);

        Assert.False(verify["recovered"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Escalate_AfterFailedVerify_PublishesWhatWasTried()
    {
        _run["act"] = await _h.InvokeAsync(RemediationHandlerNames.Act, _run);
        _run["verify"] = new JsonObject { ["recovered"] = false, ["reason"] = "Prometheus still has it firing" };

        var escalation = await _h.InvokeAsync(RemediationHandlerNames.Escalate, _run);

        Assert.True(escalation["paged"]!.GetValue<bool>());
        var (subject, message) = Assert.Single(_h.Endpoints.Published);
        Assert.StartsWith("Dqe remediation needs a human: ", subject, StringComparison.Ordinal);
        Assert.Contains("deleted pod trino/trino-worker-7", message, StringComparison.Ordinal);
        Assert.Contains("after 300 s not recovered: Prometheus still has it firing", message, StringComparison.Ordinal);
        Assert.Single(_h.Audit.Snapshot(), r => r.Step == "escalate");
    }

    [Fact]
    public async Task Escalate_CaughtError_TellsTheErrorAndCause()
    {
        _run["error"] = new JsonObject { ["Error"] = "Dqe.TransientError", ["Cause"] = "EKS API timed out" };

        var escalation = await _h.InvokeAsync(RemediationHandlerNames.Escalate, _run);

        Assert.Contains("a step failed: Dqe.TransientError: EKS API timed out", escalation["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Single(_h.Endpoints.Published);
    }

    [Fact]
    public async Task Escalate_AlertResolvedMeanwhile_EndsWithoutPaging()
    {
        await _h.Store.MarkResolvedAsync(_run["decision"]!["alert"]!["fingerprint"]!.GetValue<string>(), _h.Time.GetUtcNow(), CancellationToken.None);

        var escalation = await _h.InvokeAsync(RemediationHandlerNames.Escalate, _run);

        Assert.False(escalation["paged"]!.GetValue<bool>());
        Assert.Empty(_h.Endpoints.Published);
        Assert.Equal(DecisionOutcome.Resolved, Assert.Single(_h.Audit.Snapshot(), r => r.Step == "escalate").Outcome);
    }

    [Fact]
    public async Task Escalate_SnsRefuses_ThrowsSoTheWorkflowFails()
    {
        _h.Endpoints.FailWith = 403;

        await Assert.ThrowsAsync<InvalidOperationException>(() => _h.InvokeAsync(RemediationHandlerNames.Escalate, _run));
    }
}
