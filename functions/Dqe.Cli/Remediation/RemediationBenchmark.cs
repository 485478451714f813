using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Dqe.Core.Remediation;
using Dqe.Core.Remediation.Webhook;

namespace Dqe.Cli.Remediation;

/// <summary>
/// Measures the local webhook: HTTP accept latency (one request at a time, p50/p99) through the real server, and
/// decisions per second through <see cref="RemediationWebhook"/> directly (distinct alerts, dry-run, default guardrails).
/// </summary>
internal sealed class RemediationBenchmark
{
    private const string Token = "bench-token";

    public static async Task<string> RunAsync(int requests, int decisions, CancellationToken cancellationToken)
    {
        var auth = new BearerTokenValidator([Token]);
        var options = new RemediationOptions { DryRun = true };
        var (webhook, audit) = LocalRemediation.Build(options, auth, new UnconfiguredEngineActions(), null);
        var port = FreePort();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var server = new RemediationServer(webhook, audit, options.MaxPayloadBytes).RunAsync(port, _ => { }, stop.Token);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        http.DefaultRequestHeaders.Authorization = new("Bearer", Token);

        var latencies = new List<double>(requests);
        for (var i = -50; i < requests; i++)
        {
            using var content = new StringContent(Body(i + 1_000_000), Encoding.UTF8, "application/json");
            var started = Stopwatch.GetTimestamp();
            using var response = await http.PostAsync(new Uri(RemediationServer.AlertsPath, UriKind.Relative), content, cancellationToken).ConfigureAwait(false);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"webhook answered {(int)response.StatusCode}");
            }

            if (i >= 0)
            {
                latencies.Add(elapsed);
            }
        }

        await stop.CancelAsync().ConfigureAwait(false);
        await server.ConfigureAwait(false);

        var bodies = Enumerable.Range(0, decisions).Select(i => Encoding.UTF8.GetBytes(Body(i))).ToArray();
        var clock = Stopwatch.StartNew();
        foreach (var body in bodies)
        {
            await webhook.HandleAsync("Bearer " + Token, body, cancellationToken).ConfigureAwait(false);
        }

        clock.Stop();
        latencies.Sort();
        return $"""
            webhook accept latency over HTTP ({requests} sequential requests, loopback): p50 {Percentile(latencies, 0.50):F3} ms, p99 {Percentile(latencies, 0.99):F3} ms, max {latencies[^1]:F3} ms
            decisions/s in process ({decisions} distinct alerts, dry-run, default guardrails): {decisions / clock.Elapsed.TotalSeconds:F0}

            """;
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private static string Body(int n) =>
        $$"""
        {"version":"4","groupKey":"{}:{alertname=\"DqePodCrashLooping\"}","truncatedAlerts":0,"status":"firing","receiver":"dqe-remediation",
         "groupLabels":{},"commonLabels":{},"commonAnnotations":{},"externalURL":"http://am:9093",
         "alerts":[{"status":"firing","labels":{"alertname":"DqePodCrashLooping","remediation":"restart-pod","namespace":"trino","pod":"worker-{{n}}"},
          "annotations":{},"startsAt":"2026-11-25T10:00:00Z","endsAt":"0001-01-01T00:00:00Z","generatorURL":"","fingerprint":"{{n:x}}"}]}
        """;
}
