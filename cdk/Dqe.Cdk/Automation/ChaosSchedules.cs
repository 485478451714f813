using System.Text.Json.Nodes;
using Amazon.CDK.AWS.Events;
using Constructs;
using Dqe.Cdk.Config;
using Dqe.Cdk.Platform;
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

            _rules[campaign.Name] = new WorkflowSchedule(this, "Campaign-" + campaign.Name, new WorkflowScheduleProps(Schedule.Expression(schedule), props.Chaos)
            {
                Description = $"Chaos campaign {campaign.Name} ({Path.GetFileName(file)})",
                Input = new Dictionary<string, object> { ["campaign"] = JsiiValues.From(JsonNode.Parse(CampaignLoader.ToJson(campaign))!) },
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
}
