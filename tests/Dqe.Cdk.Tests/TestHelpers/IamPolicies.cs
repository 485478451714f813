using System.Text.Json.Nodes;

namespace Dqe.Cdk.Tests.TestHelpers;

/// <summary>Finds the IAM statements granted to the IRSA role of a service account in a synthesized stack.</summary>
internal static class IamPolicies
{
    /// <param name="subject">Token subject, e.g. system:serviceaccount:trino:trino.</param>
    public static IReadOnlyList<JsonObject> StatementsOfRoleFor(EngineResources stack, string subject)
    {
        var resources = stack.Resources;
        // IRSA trust conditions are CfnJson custom resources (the issuer is a token); the role references one.
        var conditions = resources.Where(r => (string?)r.Value!["Type"] == "Custom::AWSCDKCfnJson" && r.Value!["Properties"]!.ToJsonString().Contains(subject, StringComparison.Ordinal))
            .Select(r => r.Key).ToList();
        var condition = Assert.Single(conditions);
        var role = Assert.Single(resources, r => (string?)r.Value!["Type"] == "AWS::IAM::Role"
            && r.Value!["Properties"]!["AssumeRolePolicyDocument"]!.ToJsonString().Contains($"\"{condition}\"", StringComparison.Ordinal)).Key;
        return [.. resources
            .Where(r => (string?)r.Value!["Type"] == "AWS::IAM::Policy"
                && r.Value!["Properties"]!["Roles"]!.AsArray().Any(x => (string?)x!["Ref"] == role))
            .SelectMany(r => r.Value!["Properties"]!["PolicyDocument"]!["Statement"]!.AsArray().Select(s => s!.AsObject()))];
    }

    /// <summary>Resource ARNs (tokens as <see cref="EngineResources.Token"/>) of statements allowing an action starting with <paramref name="actionPrefix"/>.</summary>
    public static IReadOnlyList<string> ResourcesOf(IEnumerable<JsonObject> statements, string actionPrefix) =>
        [.. statements
            .Where(s => Actions(s).Any(a => a.StartsWith(actionPrefix, StringComparison.Ordinal)))
            .SelectMany(s => s["Resource"] is JsonArray many ? many.Select(r => r!) : [s["Resource"]!])
            .Select(Arn)];

    public static IEnumerable<string> Actions(JsonObject statement) =>
        statement["Action"] is JsonArray many ? many.Select(a => (string)a!) : [(string)statement["Action"]!];

    private static string Arn(JsonNode node) =>
        node is JsonValue || node["Fn::Join"] is not null ? EngineResources.Flatten(node) : EngineResources.Token;
}
