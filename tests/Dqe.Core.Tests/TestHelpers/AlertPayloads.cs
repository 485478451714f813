using System.Text.Json.Nodes;

namespace Dqe.Core.Tests.TestHelpers;

/// <summary>Webhook bodies built from the documented v4 fixture, with one alert's labels replaced.</summary>
public static class AlertPayloads
{
    public static string Fixture => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "assets", "remediation", "alertmanager-v4.json"));

    public static string Firing(string fingerprint, string startsAt = "2026-11-25T10:00:00Z", string status = "firing", params (string Name, string Value)[] labels)
    {
        var root = JsonNode.Parse(Fixture)!.AsObject();
        var alert = root["alerts"]![0]!.AsObject();
        alert["fingerprint"] = fingerprint;
        alert["status"] = status;
        alert["startsAt"] = startsAt;
        root["status"] = status;
        var map = alert["labels"]!.AsObject();
        foreach (var (name, value) in labels)
        {
            map[name] = value;
        }

        return root.ToJsonString();
    }

    public static string Resolved(string fingerprint, params (string Name, string Value)[] labels) =>
        Firing(fingerprint, status: "resolved", labels: labels);
}
