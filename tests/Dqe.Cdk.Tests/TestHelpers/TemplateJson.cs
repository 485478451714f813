using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Amazon.CDK.Assertions;

namespace Dqe.Cdk.Tests.TestHelpers;

/// <summary>A synthesized template as JSON, for assertions that walk every resource (e.g. IAM statements).</summary>
internal static class TemplateJson
{
    private static readonly JsonSerializerOptions Options = new() { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

    public static JsonObject Of(Template template) =>
        JsonSerializer.SerializeToNode(template.ToJSON(), Options)!.AsObject();

    /// <summary>(logical id, resource) pairs of one CloudFormation type.</summary>
    public static IEnumerable<(string Id, JsonObject Resource)> Resources(Template template, string type) =>
        Of(template)["Resources"]!.AsObject()
            .Where(r => r.Value!["Type"]!.GetValue<string>() == type)
            .Select(r => (r.Key, r.Value!.AsObject()));

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
}
