using System.Text.Json.Nodes;
using Dqe.Cdk.Config;
using Dqe.Cdk.Tests.TestHelpers;

namespace Dqe.Cdk.Tests.Automation;

/// <summary><c>automation.escalationEmail</c>: who the escalation topic (remediation, failed workflows) reaches.</summary>
public sealed class EscalationEmailTests
{
    [Fact]
    public void Topic_EmailConfigured_SubscribedByEmail()
    {
        var automation = Synth.Fresh("staging", ctx => ctx["dqe:environments"]!["staging"]!["automation"] = new JsonObject { ["escalationEmail"] = "oncall@example.com" })
            .Automation;

        var subscription = Assert.Single(TemplateJson.ResourceObjects(automation, "AWS::SNS::Subscription"))["Properties"]!;
        Assert.Equal("email", subscription["Protocol"]!.GetValue<string>());
        Assert.Equal("oncall@example.com", subscription["Endpoint"]!.GetValue<string>());
        var topic = TemplateJson.Resources(automation, "AWS::SNS::Topic")
            .Single(t => t.Resource["Properties"]!["TopicName"]?.GetValue<string>() == "dqe-staging-remediation-escalations");
        Assert.Equal(topic.Id, subscription["TopicArn"]!["Ref"]!.GetValue<string>());
    }

    [Fact]
    public void Topic_NoEmail_NoSubscription()
    {
        Assert.Empty(TemplateJson.ResourceObjects(Synth.Env("dev").Automation, "AWS::SNS::Subscription"));
    }

    [Theory]
    [InlineData("automation", "escalationEmail", "oncall")]
    [InlineData("automation", "escalationEmail", "a@example.com, b@example.com")]
    [InlineData("automation", "escalationEmail", "on call@example.com")]
    [InlineData("security", "findingsEmail", "security@localhost")]
    public void Load_NotOneEmailAddress_OneErrorNamingTheKey(string section, string key, string value)
    {
        var error = Assert.Throws<ConfigException>(() => Synth.Config("dev", c => c["dqe:environments"]!["dev"]![section] = new JsonObject { [key] = value }));

        Assert.Contains($"{section}.{key} = '{value}' is not one email address", error.Message, StringComparison.Ordinal);
    }
}
