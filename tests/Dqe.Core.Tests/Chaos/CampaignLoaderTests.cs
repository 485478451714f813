using Dqe.Core.Chaos.Campaigns;

namespace Dqe.Core.Tests.Chaos;

public sealed class CampaignLoaderTests
{
    private const string Minimal = """
        apiVersion: dqe.io/v1alpha1
        kind: ChaosCampaign
        name: minimal
        target: {namespace: trino, selector: {app: trino}}
        duration: 5m
        steadyState:
          probes: [{name: up, type: trino}]
        faults: [{name: kill, type: pod-kill}]
        """;

    public static TheoryData<string> Examples() =>
        [.. Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "campaigns"), "*.yaml").Select(Path.GetFileName).OfType<string>()];

    [Theory]
    [MemberData(nameof(Examples))]
    public void LoadFile_DocumentedExample_IsValid(string file)
    {
        var campaign = CampaignLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "campaigns", file));

        Assert.Equal(Path.GetFileNameWithoutExtension(file), campaign.Name);
        Assert.NotEmpty(campaign.Faults);
    }

    [Fact]
    public void Load_OmittedOptionalFields_KeepsDocumentedDefaults()
    {
        var campaign = CampaignLoader.Load(Minimal);

        Assert.Equal("one", campaign.Faults[0].Mode);
        Assert.Equal("to", campaign.Faults[0].Direction);
        Assert.Equal("5m", campaign.SteadyState.RecoveryTimeout);
        Assert.Equal("10s", campaign.SteadyState.Probes[0].Timeout);
        Assert.Equal(1, campaign.EffectiveBlastRadius.MaxPods);
        Assert.Equal(ChaosLimits.EngineNamespaces, campaign.EffectiveBlastRadius.EffectiveNamespaces);
    }

    [Fact]
    public void Load_JsonText_ParsesLikeYaml()
    {
        var json = CampaignLoader.ToJson(CampaignLoader.Load(Minimal));

        var again = CampaignLoader.Load(json);

        Assert.Equal("minimal", again.Name);
        Assert.Equal("trino", again.Target.Selector["app"]);
    }

    [Theory]
    [InlineData("kube-system-everything.yaml", "$.target.namespace")]
    [InlineData("kube-system-everything.yaml", "$.blastRadius.maxPercent")]
    [InlineData("kube-system-everything.yaml", "$.blastRadius.allowedNamespaces[0]")]
    [InlineData("kube-system-everything.yaml", "$.faults[0].mode")]
    [InlineData("negative-duration.yaml", "$.duration")]
    [InlineData("negative-duration.yaml", "$.faults[0].duration")]
    [InlineData("unknown-fault.yaml", "$.faults[0].type")]
    public void LoadFile_HostileCampaign_RejectedNamingField(string file, string path)
    {
        var error = Assert.Throws<CampaignException>(() => CampaignLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "assets", "chaos", file)));

        Assert.Contains(error.Errors, e => e.Path == path);
    }

    [Theory]
    [InlineData("faults: [{name: kill, type: pod-kill}]", "faults: [{name: kill, type: pod-kill, bogus: 1}]", "$.faults[0].bogus")]
    [InlineData("duration: 5m", "duration: [5m]", "$.duration")]
    [InlineData("duration: 5m", "duration: 2h", "$.duration")]
    [InlineData("duration: 5m\n", "", "$")]
    [InlineData("{app: trino}", "{}", "$.target.selector")]
    [InlineData("{app: trino}", "{app: 'bad value!'}", "$.target.selector.app")]
    [InlineData("type: pod-kill}", "type: pod-kill, mode: fixed, value: 5}", "$.faults[0].value")]
    [InlineData("type: pod-kill}", "type: network-delay}", "$.faults[0].latency")]
    [InlineData("type: pod-kill}", "type: container-kill}", "$.faults[0].containerNames")]
    [InlineData("type: pod-kill}", "type: node-drain}", "$.faults[0].type")]
    [InlineData("type: pod-kill}", "type: stress-cpu, workers: 0, load: 50}", "$.faults[0].workers")]
    [InlineData("[{name: up, type: trino}]", "[{name: up, type: latency, engine: trino}]", "$.steadyState.probes[0].query")]
    [InlineData("[{name: up, type: trino}]", "[{name: up, type: promql, query: up}]", "$.steadyState.probes[0].max")]
    [InlineData("[{name: up, type: trino}]", "[{name: up, type: psychic}]", "$.steadyState.probes[0].type")]
    [InlineData("[{name: up, type: trino}]", "[]", "$.steadyState.probes")]
    [InlineData("name: minimal", "name: Not_A_Name", "$.name")]
    [InlineData("kind: ChaosCampaign", "kind: PodChaos", "$.kind")]
    public void Load_BadField_ErrorNamesThePath(string original, string replacement, string path)
    {
        var error = Assert.Throws<CampaignException>(() => CampaignLoader.Load(Minimal.Replace(original, replacement, StringComparison.Ordinal)));

        Assert.Contains(error.Errors, e => e.Path == path);
    }

    [Theory]
    [InlineData("abort: {when: [{probe: missing}]}", "$.abort.when[0].probe")]
    [InlineData("abort: {pollInterval: 1s, when: [{probe: up}]}", "$.abort.pollInterval")]
    [InlineData("schedule: every tuesday", "$.schedule")]
    [InlineData("blastRadius: {maxPods: 0}", "$.blastRadius.maxPods")]
    [InlineData("blastRadius: {allowedNamespaces: [trino, default]}", "$.blastRadius.allowedNamespaces[1]")]
    public void Load_BadOptionalSection_ErrorNamesThePath(string section, string path)
    {
        var error = Assert.Throws<CampaignException>(() => CampaignLoader.Load(Minimal + "\n" + section));

        Assert.Contains(error.Errors, e => e.Path == path);
    }

    [Theory]
    [InlineData("a: [unclosed")]
    [InlineData("a: 1\n---\nb: 2")]
    [InlineData("a: 1\na: 2")]
    public void Load_MalformedYaml_Rejected(string text)
    {
        var error = Assert.Throws<CampaignException>(() => CampaignLoader.Load(text));

        Assert.NotEmpty(error.Errors);
    }

    [Theory]
    [InlineData("90s", 90)]
    [InlineData("1h30m", 5400)]
    [InlineData("250ms", 0.25)]
    [InlineData("-1s", -1)]
    public void TryParse_GoDuration_Seconds(string text, double seconds)
    {
        Assert.True(GoDuration.TryParse(text, out var value));
        Assert.Equal(seconds, value.TotalSeconds, 3);
    }

    [Theory]
    [InlineData("5")]
    [InlineData("5 minutes")]
    [InlineData("m")]
    [InlineData("")]
    public void TryParse_NotADuration_False(string text) => Assert.False(GoDuration.TryParse(text, out _));
}
