using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Amazon.CDK.Assertions;

namespace Dqe.Cdk.Tests.TestHelpers;

/// <summary>
/// A synthesized template as JSON, for assertions that walk every resource (e.g. IAM statements). Helm values and
/// Kubernetes manifests are JSON strings that CloudFormation joins around deploy-time tokens; <see cref="Flatten"/>
/// joins them here with each token shown as &lt;token&gt;, so tests can parse and assert on their structure.
/// </summary>
internal static class TemplateJson
{
    public const string Token = "<token>";

    private static readonly JsonSerializerOptions Options = new() { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

    public static JsonObject Of(Template template) =>
        JsonSerializer.SerializeToNode(template.ToJSON(), Options)!.AsObject();

    /// <summary>(logical id, resource) pairs of one CloudFormation type.</summary>
    public static IEnumerable<(string Id, JsonObject Resource)> Resources(Template template, string type) =>
        Of(template)["Resources"]!.AsObject()
            .Where(r => r.Value!["Type"]!.GetValue<string>() == type)
            .Select(r => (r.Key, r.Value!.AsObject()));

    /// <summary>The resources of one CloudFormation type, without their logical ids.</summary>
    public static IReadOnlyList<JsonObject> ResourceObjects(Template template, string type) =>
        [.. Resources(template, type).Select(r => r.Resource)];

    /// <summary>Every IAM policy statement in the template: inline role policies and AWS::IAM::Policy documents.</summary>
    public static IEnumerable<(string Id, JsonObject Statement)> PolicyStatements(Template template)
    {
        foreach (var (id, policy) in Resources(template, "AWS::IAM::Policy"))
        {
            foreach (var statement in policy["Properties"]!["PolicyDocument"]!["Statement"]!.AsArray())
            {
                yield return (id, statement!.AsObject());
            }
        }

        foreach (var (id, role) in Resources(template, "AWS::IAM::Role"))
        {
            foreach (var inline in role["Properties"]!["Policies"]?.AsArray() ?? [])
            {
                foreach (var statement in inline!["PolicyDocument"]!["Statement"]!.AsArray())
                {
                    yield return (id, statement!.AsObject());
                }
            }
        }
    }

    /// <summary>A string or list-of-strings property as a list (CloudFormation allows both).</summary>
    public static IReadOnlyList<string> Strings(JsonNode? node) => node switch
    {
        null => [],
        JsonArray array => [.. array.Select(n => n is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : n!.ToJsonString())],
        JsonValue v when v.GetValueKind() == JsonValueKind.String => [v.GetValue<string>()],
        _ => [node.ToJsonString()],
    };

    /// <summary>The values of the Helm release of <paramref name="chart"/>, parsed.</summary>
    public static JsonObject HelmValues(Template template, string chart) =>
        JsonNode.Parse(Flatten(HelmChart(template, chart)["Values"]))!.AsObject();

    public static JsonObject HelmChart(Template template, string chart) =>
        Resources(template, "Custom::AWSCDK-EKS-HelmChart").Select(r => r.Resource)
            .Single(r => r["Properties"]!["Chart"]!.GetValue<string>() == chart)["Properties"]!.AsObject();

    /// <summary>Every Kubernetes object applied by the stack, parsed.</summary>
    public static IReadOnlyList<JsonObject> KubernetesObjects(Template template) =>
        [.. Resources(template, "Custom::AWSCDK-EKS-KubernetesResource")
            .SelectMany(r => JsonNode.Parse(Flatten(r.Resource["Properties"]!["Manifest"]))!.AsArray())
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
