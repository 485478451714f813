using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dqe.Workflows.Local;

/// <summary>
/// Pulls every state machine out of a synthesized CloudFormation template and resolves its definition:
/// intrinsic functions become concrete placeholder values (account 123456789012, the stack's region), and each
/// Lambda ARN is traced back to the function resource whose Handler names the Dqe handler.
/// </summary>
public static class AslExtractor
{
    public const string PlaceholderAccount = "123456789012";

    public static IReadOnlyList<LocalWorkflow> Extract(JsonObject template, string region)
    {
        ArgumentNullException.ThrowIfNull(template);
        var resources = template["Resources"]?.AsObject() ?? throw new ArgumentException("template has no Resources", nameof(template));
        var handlersByArn = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, resource) in resources)
        {
            if (Type(resource) == "AWS::Lambda::Function" && resource!["Properties"]?["Handler"] is JsonValue handler)
            {
                handlersByArn[FunctionArn(region, id)] = handler.GetValue<string>();
            }
        }

        var workflows = new List<LocalWorkflow>();
        foreach (var (id, resource) in resources)
        {
            if (Type(resource) != "AWS::StepFunctions::StateMachine")
            {
                continue;
            }

            var properties = resource!["Properties"]!;
            var text = Resolve(properties["DefinitionString"], resources, region);
            var definition = JsonNode.Parse(text)!.AsObject();
            var tasks = new Dictionary<string, TaskTarget>(StringComparer.Ordinal);
            var waits = new List<string>();
            Walk(definition, handlersByArn, tasks, waits);
            var name = properties["StateMachineName"]?.GetValue<string>() ?? id;
            workflows.Add(new LocalWorkflow(name, definition, tasks, waits));
        }

        return workflows;
    }

    internal static string FunctionArn(string region, string logicalId) =>
        $"arn:aws:lambda:{region}:{PlaceholderAccount}:function:{logicalId}";

    private static string? Type(JsonNode? resource) => resource?["Type"]?.GetValue<string>();

    /// <summary>Turns a CloudFormation value (string, Fn::Join, Ref, Fn::GetAtt, Fn::Sub-free) into text.</summary>
    private static string Resolve(JsonNode? value, JsonObject resources, string region) => value switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonObject o when o["Fn::Join"] is JsonArray join => Join(join, resources, region),
        JsonObject o when o["Ref"] is JsonValue reference => Ref(reference.GetValue<string>(), region),
        JsonObject o when o["Fn::GetAtt"] is JsonArray attribute => GetAtt(attribute, resources, region),
        _ => throw new NotSupportedException($"cannot resolve {value?.ToJsonString() ?? "null"} in a state machine definition"),
    };

    private static string Join(JsonArray join, JsonObject resources, string region)
    {
        var separator = join[0]!.GetValue<string>();
        var builder = new StringBuilder();
        var parts = join[1]!.AsArray();
        for (var i = 0; i < parts.Count; i++)
        {
            builder.Append(i == 0 ? "" : separator).Append(Resolve(parts[i], resources, region));
        }

        return builder.ToString();
    }

    private static string Ref(string name, string region) => name switch
    {
        "AWS::Partition" => "aws",
        "AWS::Region" => region,
        "AWS::AccountId" => PlaceholderAccount,
        "AWS::URLSuffix" => "amazonaws.com",
        "AWS::StackName" => "local",
        _ => name,
    };

    private static string GetAtt(JsonArray attribute, JsonObject resources, string region)
    {
        var id = attribute[0]!.GetValue<string>();
        var name = attribute[1]!.GetValue<string>();
        return (Type(resources[id]), name) switch
        {
            ("AWS::Lambda::Function", "Arn") => FunctionArn(region, id),
            (_, "Arn") => $"arn:aws:local:{region}:{PlaceholderAccount}:{id}",
            _ => $"{id}.{name}",
        };
    }

    private static void Walk(JsonObject machine, Dictionary<string, string> handlersByArn, Dictionary<string, TaskTarget> tasks, List<string> waits)
    {
        foreach (var (name, state) in machine["States"]!.AsObject())
        {
            switch (state!["Type"]!.GetValue<string>())
            {
                case "Task":
                    tasks[name] = Target(state.AsObject(), handlersByArn);
                    break;
                case "Wait":
                    waits.Add(name);
                    break;
                case "Map":
                    Walk((state["ItemProcessor"] ?? state["Iterator"])!.AsObject(), handlersByArn, tasks, waits);
                    break;
                case "Parallel":
                    foreach (var branch in state["Branches"]!.AsArray())
                    {
                        Walk(branch!.AsObject(), handlersByArn, tasks, waits);
                    }

                    break;
            }
        }
    }

    private static TaskTarget Target(JsonObject state, Dictionary<string, string> handlersByArn)
    {
        var resource = state["Resource"]!.GetValue<string>();
        const string SdkPrefix = "arn:aws:states:::aws-sdk:";
        if (resource.StartsWith(SdkPrefix, StringComparison.Ordinal))
        {
            var parts = resource[SdkPrefix.Length..].Split(':');
            return new TaskTarget(resource, TaskKind.AwsSdk, SdkService: parts[0], SdkAction: parts.ElementAtOrDefault(1));
        }

        if (resource.StartsWith("arn:aws:states:::lambda:invoke", StringComparison.Ordinal))
        {
            var function = state["Parameters"]?["FunctionName"]?.GetValue<string>() ?? "";
            return new TaskTarget(resource, TaskKind.LambdaInvokeIntegration, handlersByArn.GetValueOrDefault(function));
        }

        if (handlersByArn.TryGetValue(resource, out var handler))
        {
            return new TaskTarget(resource, TaskKind.LambdaFunction, handler);
        }

        // Optimized integrations: arn:aws:states:::sns:publish, arn:aws:states:::dynamodb:putItem, ...
        var integration = resource.Split(":::", 2).ElementAtOrDefault(1)?.Split(':') ?? [];
        return new TaskTarget(resource, TaskKind.Integration, SdkService: integration.ElementAtOrDefault(0), SdkAction: integration.ElementAtOrDefault(1)?.Split('.')[0]);
    }
}
