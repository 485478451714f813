using Dqe.Core.Backup;

namespace Dqe.Core.Tests.Backup;

public class BackupPlannerTests
{
    private static readonly BackupOptions Options = new(["analytics"], new Uri("https://b.s3.amazonaws.com/ch"), KeepCount: 4, MaxAgeDays: 30);
    private static readonly DateTimeOffset Sunday = new(2026, 11, 22, 2, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0, BackupKind.Full)]
    [InlineData(1, BackupKind.Incremental)]
    [InlineData(6, BackupKind.Incremental)]
    public void Plan_ByWeekday_FullOnFullDayElseIncrementalOnNewestUsableFull(int daysAfterSunday, BackupKind expected)
    {
        var now = Sunday.AddDays(daysAfterSunday);
        var existing = new[] { Manifest("ch-full-old", BackupKind.Full, Sunday.AddDays(-7)), Manifest("ch-full-new", BackupKind.Full, Sunday.AddDays(-1)) };

        var plan = new BackupPlanner(Options).Plan(now, existing, null);

        Assert.Equal(expected, plan.Kind);
        Assert.Equal(expected == BackupKind.Full ? null : "ch-full-new", plan.BaseBackupId);
        Assert.StartsWith(expected == BackupKind.Full ? "ch-full-" : "ch-incr-", plan.Id, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_IncrementalWithoutUsableFull_FallsBackToFull()
    {
        var unverified = Manifest("ch-full-bad", BackupKind.Full, Sunday) with { Verification = null };

        var plan = new BackupPlanner(Options).Plan(Sunday.AddDays(1), [unverified], BackupKind.Incremental);

        Assert.Equal((BackupKind.Full, (string?)null), (plan.Kind, plan.BaseBackupId));
    }

    [Fact]
    public void Expired_BeyondCountOrAge_DeletedButBaseOfKeptIncrementalKept()
    {
        var now = Sunday.AddDays(40);
        var existing = new List<BackupManifest>
        {
            Manifest("ch-full-a", BackupKind.Full, Sunday), // 40 days old, but base of a kept incremental
            Manifest("ch-full-b", BackupKind.Full, Sunday.AddDays(-7)),
            Manifest("ch-incr-c", BackupKind.Incremental, Sunday.AddDays(35), "ch-full-a"),
            Manifest("ch-incr-d", BackupKind.Incremental, Sunday.AddDays(36), "ch-full-a"),
            Manifest("ch-incr-e", BackupKind.Incremental, Sunday.AddDays(37), "ch-full-a"),
            Manifest("ch-incr-f", BackupKind.Incremental, Sunday.AddDays(38), "ch-full-a"),
            Manifest("ch-incr-g", BackupKind.Incremental, Sunday.AddDays(34), "ch-full-a"), // 5th newest: beyond KeepCount 4
        };

        var expired = new BackupPlanner(Options).Expired(now, existing);

        Assert.Equal(["ch-incr-g", "ch-full-b"], expired);
    }

    [Fact]
    public void Expired_AllTooOld_KeepsNewestUsable()
    {
        var existing = new[] { Manifest("ch-full-a", BackupKind.Full, Sunday), Manifest("ch-full-b", BackupKind.Full, Sunday.AddDays(1)) };

        var expired = new BackupPlanner(Options).Expired(Sunday.AddDays(100), existing);

        Assert.Equal(["ch-full-a"], expired);
    }

    [Theory]
    [InlineData("databases")]
    [InlineData("destination")]
    [InlineData("cluster")]
    [InlineData("keep")]
    [InlineData("age")]
    public void Validate_BadField_ThrowsNamingIt(string field)
    {
        var options = field switch
        {
            "databases" => Options with { Databases = ["ok", "no-dash"] },
            "destination" => Options with { Destination = new Uri("http://b.s3.amazonaws.com/ch") },
            "cluster" => Options with { Cluster = "c'x" },
            "keep" => Options with { KeepCount = 0 },
            _ => Options with { MaxAgeDays = 0 },
        };

        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Equal(field switch
        {
            "databases" => "Databases",
            "destination" => "Destination",
            "cluster" => "Cluster",
            "keep" => "KeepCount",
            _ => "MaxAgeDays",
        }, error.ParamName);
    }

    internal static BackupManifest Manifest(string id, BackupKind kind, DateTimeOffset at, string? baseId = null) =>
        new(id, kind, baseId, ["analytics"], "https://b.s3.amazonaws.com/ch/" + id, at, at.AddMinutes(5), 300, 1, [], BackupState.Succeeded, "",
            new VerificationResult(true, at.AddMinutes(6), [], []));
}
