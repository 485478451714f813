using System.Text;
using System.Text.Json.Nodes;
using Dqe.Core.Remediation;
using Dqe.Core.Remediation.Webhook;
using Dqe.Core.Tests.TestHelpers;

namespace Dqe.Core.Tests.Remediation;

public sealed class WebhookParserTests
{
    private readonly WebhookParser _parser = new(new RemediationOptions());

    [Fact]
    public void Parse_DocumentedV4Payload_ReadsEveryFieldTheDecisionsNeed()
    {
        var alert = Assert.Single(_parser.Parse(Encoding.UTF8.GetBytes(AlertPayloads.Fixture)));

        Assert.Equal("5c1a7e0f3b2d9a11", alert.Fingerprint);
        Assert.True(alert.Firing);
        Assert.Equal("DqePodCrashLooping", alert.AlertName);
        Assert.Equal("restart-pod", alert.Label("remediation"));
        Assert.Equal("trino-worker-7", alert.Label("pod"));
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero), alert.StartsAt);
        Assert.StartsWith("https://runbooks", alert.Annotations["runbook_url"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("version", "\"3\"", "$.version")]
    [InlineData("version", null, "$.version")]
    [InlineData("status", "\"burning\"", "$.status")]
    [InlineData("alerts", "[]", "$.alerts")]
    [InlineData("alerts", null, "$.alerts")]
    [InlineData("alerts", "[null]", "$.alerts[0]")]
    [InlineData("alerts", "[{\"status\":\"firing\",\"labels\":{},\"startsAt\":\"2026-11-25T10:00:00Z\",\"fingerprint\":\"ab\"}]", "$.alerts[0].labels.alertname")]
    [InlineData("alerts", "[{\"status\":\"firing\",\"labels\":{\"alertname\":\"X\"},\"startsAt\":\"2026-11-25T10:00:00Z\",\"fingerprint\":\"zz\"}]", "$.alerts[0].fingerprint")]
    [InlineData("alerts", "[{\"status\":\"firing\",\"labels\":{\"alertname\":\"X\"},\"fingerprint\":\"ab\"}]", "$.alerts[0].startsAt")]
    [InlineData("alerts", "[{\"status\":\"?\",\"labels\":{\"alertname\":\"X\"},\"startsAt\":\"2026-11-25T10:00:00Z\",\"fingerprint\":\"ab\"}]", "$.alerts[0].status")]
    [InlineData("alerts", "[{\"status\":\"firing\",\"labels\":{\"alertname\":\"X\",\"pod\":null},\"startsAt\":\"2026-11-25T10:00:00Z\",\"fingerprint\":\"ab\"}]", "$.alerts[0].labels.pod")]
    [InlineData("alerts", "[{\"status\":\"firing\",\"startsAt\":\"2026-11-25T10:00:00Z\",\"fingerprint\":\"ab\"}]", "$.alerts[0].labels")]
    public void Parse_MissingOrInvalidField_Returns400NamingTheField(string property, string? json, string field)
    {
        var root = JsonNode.Parse(AlertPayloads.Fixture)!.AsObject();
        root[property] = json is null ? null : JsonNode.Parse(json);
        if (json is null)
        {
            root.Remove(property);
        }

        var e = Assert.Throws<WebhookRejectedException>(() => _parser.Parse(Encoding.UTF8.GetBytes(root.ToJsonString())));

        Assert.Equal(400, e.StatusCode);
        Assert.Equal(field, e.Field);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("null")]
    [InlineData("[1,2]")]
    [InlineData("{\"version\":4}")]
    [InlineData("{\"version\":\"4\",\"alerts\":[{\"labels\":{\"alertname\":1}}]}")]
    [InlineData("{not json")]
    public void Parse_MalformedBody_Returns400(string body)
    {
        var e = Assert.Throws<WebhookRejectedException>(() => _parser.Parse(Encoding.UTF8.GetBytes(body)));

        Assert.Equal(400, e.StatusCode);
    }

    [Fact]
    public void Parse_BodyAboveTheCap_Returns413BeforeParsing()
    {
        var parser = new WebhookParser(new RemediationOptions { MaxPayloadBytes = 2048 });

        var e = Assert.Throws<WebhookRejectedException>(() => parser.Parse(new byte[2049]));

        Assert.Equal(413, e.StatusCode);
        Assert.Contains("2048", e.Message, StringComparison.Ordinal);
    }
}
