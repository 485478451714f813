using System.Net;
using System.Text;
using System.Text.Json;
using Dqe.Cli.Tests.TestHelpers;
using Dqe.Core.Remediation;

namespace Dqe.Cli.Tests.Remediation;

/// <summary>A real Alertmanager routes a posted alert to `dqe remediate serve --dry-run`; the decision is audited.</summary>
public sealed class AlertmanagerEndToEndTests
{
    [Fact]
    public async Task Serve_AlertPostedToRealAlertmanager_DecisionIsRecordedInDryRun()
    {
        var tokenFile = Path.GetTempFileName();
        await File.WriteAllTextAsync(tokenFile, "e2e-" + Guid.NewGuid().ToString("n"));
        using var stdout = new StringWriter();
        await using var serve = await RemediateServe.StartAsync(tokenFile, stdout);
        using var http = new HttpClient();
        var dqe = serve.Uri;
        try
        {
            await using var alertmanager = await AlertmanagerProcess.StartAsync(new Uri(dqe, "v1/alerts").ToString(), tokenFile);

            var alert = """[{"labels":{"alertname":"DqePodCrashLooping","severity":"warning","remediation":"restart-pod","namespace":"trino","pod":"trino-worker-3"},"annotations":{"summary":"crash looping"}}]""";
            using var posted = await http.PostAsync(new Uri(alertmanager.Api, "api/v2/alerts"), new StringContent(alert, Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.OK, posted.StatusCode);

            var decision = await Poll.UntilAsync(
                async () =>
                {
                    var records = JsonSerializer.Deserialize(await http.GetStringAsync(new Uri(dqe, "v1/audit")), RemediationJsonContext.Default.ListAuditRecord)!;
                    return records.FirstOrDefault(r => r.Step == "decide");
                },
                TimeSpan.FromSeconds(60),
                "the decision of the alert Alertmanager delivered");

            Assert.Equal(DecisionOutcome.DryRun, decision.Outcome);
            Assert.Equal("DqePodCrashLooping", decision.AlertName);
            Assert.Equal(RunbookActions.RestartPod, decision.Action);
            Assert.Equal("pod/trino/trino-worker-3", decision.Target);
            Assert.Matches("^[0-9a-f]+$", decision.Fingerprint);
            Assert.True(decision.DryRun);
        }
        finally
        {
            Assert.Equal(0, await serve.StopAsync());
            File.Delete(tokenFile);
        }

        Assert.Contains("\"step\":\"decide\"", stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_WrongToken_Returns401AndDecidesNothing()
    {
        var tokenFile = Path.GetTempFileName();
        await File.WriteAllTextAsync(tokenFile, "right-token");
        await using var serve = await RemediateServe.StartAsync(tokenFile, TextWriter.Null);
        using var http = new HttpClient();
        var dqe = serve.Uri;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(dqe, "v1/alerts")) { Content = new StringContent("""{"version":"4"}""") };
            request.Headers.Authorization = new("Bearer", "wrong-token");

            using var response = await http.SendAsync(request);

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("[]", await http.GetStringAsync(new Uri(dqe, "v1/audit")));
        }
        finally
        {
            await serve.StopAsync();
            File.Delete(tokenFile);
        }
    }
}
