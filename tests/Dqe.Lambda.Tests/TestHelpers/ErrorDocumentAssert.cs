using System.Text.Json;
using Dqe.Core.Hosting.Emulator;

namespace Dqe.Lambda.Tests.TestHelpers;

/// <summary>Checks an /error post against the documented Runtime API error shape.</summary>
public static class ErrorDocumentAssert
{
    public static JsonElement IsError(EmulatedOutcome outcome, string errorType, EmulatedOutcomeKind kind = EmulatedOutcomeKind.Error)
    {
        Assert.Equal(kind, outcome.Kind);
        Assert.Equal(errorType, outcome.ErrorType);
        Assert.StartsWith("application/json", outcome.ContentType, StringComparison.Ordinal);
        var body = JsonDocument.Parse(outcome.Body).RootElement;
        Assert.Equal(["errorMessage", "errorType", "stackTrace"], body.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(errorType, body.GetProperty("errorType").GetString());
        Assert.Equal(JsonValueKind.Array, body.GetProperty("stackTrace").ValueKind);
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("errorMessage").GetString()));
        return body;
    }
}
