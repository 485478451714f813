namespace Dqe.Core.Remediation.Lambda;

/// <summary>API Gateway's proxy integration response: status, headers and the JSON body as a string.</summary>
public sealed record ApiGatewayResponse(int StatusCode, IReadOnlyDictionary<string, string> Headers, string Body, bool IsBase64Encoded = false);
