namespace Dqe.Cdk.Config;

/// <summary>Audit trail, data classification and threat detection.</summary>
public sealed record SecurityConfig
{
    /// <summary>Record S3 data events (every object read and write) of the lake and backups buckets in CloudTrail.</summary>
    public bool TrailDataEvents { get; init; } = true;

    /// <summary>Enable Amazon GuardDuty (with EKS audit-log and runtime monitoring). One detector per account and region: leave
    /// false where the account already has one (e.g. a second environment in the same account).</summary>
    public bool GuardDuty { get; init; } = true;

    /// <summary>Enable Amazon Macie and its scheduled classification job over the lake's raw/ prefix. Account-wide like GuardDuty.</summary>
    public bool Macie { get; init; } = true;

    /// <summary>How often Macie classifies the raw prefix: DAILY, WEEKLY or MONTHLY.</summary>
    public string MacieSchedule { get; init; } = "WEEKLY";

    /// <summary>Email subscribed to security findings (GuardDuty, Macie); empty = subscribe later.</summary>
    public string FindingsEmail { get; init; } = "";

    /// <summary>Days between automatic rotations of the people's engine passwords (1-365; Secrets Manager RotationSchedule).</summary>
    public int RotationDays { get; init; } = 30;

    /// <summary>How long a rotation waits for both engines to accept a new password before it restores the old one (60-840 s).</summary>
    public int RotationVerifySeconds { get; init; } = 300;
}
