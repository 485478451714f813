using System.Globalization;

namespace Dqe.Core.Remediation.Guardrails;

/// <summary>One action in the DynamoDB window ledger, stored as <c>atMs|kind|namespace|name|zone</c>.</summary>
internal sealed record LedgerEntry(long AtMs, RemediationTarget Target)
{
    public string Format() => string.Join('|', AtMs.ToString(CultureInfo.InvariantCulture), Target.Kind, Target.Namespace, Target.Name, Target.Zone);

    public static LedgerEntry Parse(string text)
    {
        var parts = text.Split('|');
        return new LedgerEntry(long.Parse(parts[0], CultureInfo.InvariantCulture), new RemediationTarget(parts[1], parts[2], parts[3], parts[4]));
    }
}
