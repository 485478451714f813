using System.Text.Json.Nodes;

namespace Dqe.Core.Recovery.Restore;

/// <summary>
/// What a restore step produced: the state, and for catalog-page the page's tables as Glue <c>TableInput</c>s
/// (the workflow's Map sends each to glue:CreateTable, or UpdateTable when it exists) and whether more pages follow.
/// </summary>
public sealed record RestoreStepResponse(string Action, RegionRestoreState State, JsonArray? Tables = null, bool More = false)
{
    public bool Running => State.Running;
}
