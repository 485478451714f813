using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.CDK.Assertions;

namespace Dqe.Cdk.Tests.TestHelpers;

/// <summary>
/// Reads a synthesized template as JSON. Helm values and Kubernetes manifests are JSON strings that CloudFormation
/// joins around deploy-time tokens; <see cref="Flatten"/> joins them here with each token shown as &lt;token&gt;,
/// so tests can parse and assert on the values' structure.
/// </summary>
internal static class TemplateJson
{
    public const string Token = "<token>";

    public static IReadOnlyList<JsonObject> Resources(Template template, string type)
    {
        var json = JsonNode.Parse(JsonSerializer.Serialize(template.ToJSON()))!;
        return [.. json["Resources"]!.AsObject()
            .Select(r => r.Value!.AsObject())
            .Where(r => r["Type"]!.GetValue<string>() == type)];
    }

    /// <summary>The values of the Helm release of <paramref name="chart"/>, parsed.</summary>
    public static JsonObject HelmValues(Template template, string chart) =>
        JsonNode.Parse(Flatten(HelmChart(template, chart)["Values"]))!.AsObject();

    public static JsonObject HelmChart(Template template, string chart) =>
        Resources(template, "Custom::AWSCDK-EKS-HelmChart").Single(r => r["Properties"]!["Chart"]!.GetValue<string>() == chart)["Properties"]!.AsObject();

    /// <summary>Every Kubernetes object applied by the stack, parsed.</summary>
    public static IReadOnlyList<JsonObject> KubernetesObjects(Template template) =>
        [.. Resources(template, "Custom::AWSCDK-EKS-KubernetesResource")
            .SelectMany(r => JsonNode.Parse(Flatten(r["Properties"]!["Manifest"]))!.AsArray())
            .Select(o => o!.AsObject())];

    public static JsonObject KubernetesObject(Template template, string kind, string name) =>
        KubernetesObjects(template).Single(o => o["kind"]!.GetValue<string>() == kind && o["metadata"]!["name"]!.GetValue<string>() == name);

    public static string Flatten(JsonNode? node) => node switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonObject o when o["Fn::Join"] is JsonArray join && join[0]!.GetValue<string>().Length == 0 =>
            string.Concat(join[1]!.AsArray().Select(Flatten)),
        _ => Token,
    };
}
