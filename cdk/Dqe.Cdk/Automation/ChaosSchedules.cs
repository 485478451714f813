using System.Text.Json;
using Amazon.CDK.AWS.Events;
using Constructs;
using Dqe.Cdk.Config;
using Dqe.Core.Chaos.Campaigns;
using Dqe.Workflows.Chaos;

namespace Dqe.Cdk.Automation;

/// <summary>
/// One EventBridge rule per shipped campaign file with a <c>schedule</c>, starting the chaos state machine with
/// <c>{"campaign": ...}</c>, plus the weekly summary rule. The files are loaded at synth time with the same
/// <see cref="CampaignLoader"/> the workflow uses: a bad file fails synth naming the file and the field path.
/// </summary>
public sealed class ChaosSchedules : Construct
{
    private readonly Dictionary<string, Rule> _rules = new(StringComparer.Ordinal);

    public ChaosSchedules(Construct scope, string id, ChaosSchedulesProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        foreach (var file in Directory.EnumerateFiles(props.CampaignDirectory, "*.yaml").Order(StringComparer.Ordinal))
        {
            var campaign = Load(file);
            if (campaign.Schedule is not { } schedule)
            {
                continue;
            }

            if (_rules.ContainsKey(campaign.Name))
            {
                throw new ConfigException($"{file}: $.name: campaign '{campaign.Name}' is defined twice in {props.CampaignDirectory}");
            }

            using var json = JsonDocument.Parse(CampaignLoader.ToJson(campaign));
            _rules[campaign.Name] = new WorkflowSchedule(this, "Campaign-" + campaign.Name, new WorkflowScheduleProps(Schedule.Expression(schedule), props.Chaos)
            {
                Description = $"Chaos campaign {campaign.Name} ({Path.GetFileName(file)})",
                Input = new Dictionary<string, object?> { ["campaign"] = Plain(json.RootElement) },
            }).Rule;
        }

        if (props.Weekly is not null)
        {
            WeeklySummary = new WorkflowSchedule(this, "WeeklySummary", new WorkflowScheduleProps(Schedule.Expression(ChaosWeeklyWorkflow.Schedule), props.Weekly)
            {
                Description = "Weekly summary of the chaos run reports",
                Input = new Dictionary<string, object>(),
            }).Rule;
        }
    }

    /// <summary>The rule of each scheduled campaign, by campaign name.</summary>
    public IReadOnlyDictionary<string, Rule> Campaigns => _rules;

    public Rule? WeeklySummary { get; }

    private static ChaosCampaign Load(string file)
    {
        try
        {
            return CampaignLoader.LoadFile(file);
        }
        catch (CampaignException e)
        {
            throw new ConfigException($"{file}: {string.Join("; ", e.Errors)}");
        }
    }

    // jsii serialises plain dictionaries, arrays and primitives (not List, not JsonElement).
    private static object? Plain(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => p.Name, p => Plain(p.Value), StringComparer.Ordinal),
        JsonValueKind.Array => element.EnumerateArray().Select(Plain).ToArray(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetInt64(out var l) ? l : element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}
