using System.Text.Json.Serialization;

namespace Dqe.Core.Remediation.Lambda;

/// <summary>What a Catch puts under <c>$.error</c>: Step Functions' own PascalCase names.</summary>
public sealed record StepError([property: JsonPropertyName("Error")] string? Error, [property: JsonPropertyName("Cause")] string? Cause);
