using System.Text.Json.Nodes;

namespace Dqe.Core.Chaos.Execution;

/// <summary>One Chaos Mesh object a run will create, exactly as it will be sent.</summary>
public sealed record PlannedObject(string Fault, string Namespace, string Plural, string Name, JsonObject Manifest);
