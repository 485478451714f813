using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Amazon.CDK;
using Amazon.CDK.Assertions;
using Dqe.Cdk.Config;

namespace Dqe.Cdk.Tests.TestHelpers;

/// <summary>
/// Synthesizes Dqe environments from the real cdk.json. Each environment is synthesized once per test run
/// (a VPC+EKS synth takes seconds) and its templates are shared by every test that asserts on it.
/// </summary>
internal static class Synth
{
    private static readonly ConcurrentDictionary<string, Lazy<SynthesizedEnv>> Cache = new();

    /// <summary>The environment as cdk.json defines it, synthesized once.</summary>
    public static SynthesizedEnv Env(string env) =>
        Cache.GetOrAdd(env, e => new Lazy<SynthesizedEnv>(() => Fresh(e))).Value;

    /// <summary>A one-off synth with cdk.json's context changed by <paramref name="edit"/> (for bad-config tests).</summary>
    public static SynthesizedEnv Fresh(string env, Action<JsonObject>? edit = null)
    {
        var (app, config) = Load(env, edit);
        return new SynthesizedEnv(config, DqeApp.Build(app, config));
    }

    /// <summary>Loads config only (no constructs): for tests of the loader and validator.</summary>
    public static DqeConfig Config(string env, Action<JsonObject>? edit = null) => Load(env, edit).Config;

    private static (App App, DqeConfig Config) Load(string env, Action<JsonObject>? edit)
    {
        var context = CdkContext.Load();
        context[ConfigLoader.EnvKey] = env;
        // No stack is bundled: the AOT publish of the bootstrap takes minutes and is exercised by `cdk synth`.
        context["aws:cdk:bundling-stacks"] = new JsonArray();
        edit?.Invoke(context);
        var app = new App(new AppProps { Context = CdkContext.ToJsii(context) });
        return (app, ConfigLoader.Load(app.Node.TryGetContext));
    }
}

/// <summary>One synthesized environment: its config, its stacks, and lazily built assertion templates.</summary>
internal sealed class SynthesizedEnv(DqeConfig config, DqeStacks stacks)
{
    private readonly Lazy<Template> _platform = new(() => Template.FromStack(stacks.Platform));
    private readonly Lazy<Template> _automation = new(() => Template.FromStack(stacks.Automation));
    private readonly Lazy<Template> _observability = new(() => Template.FromStack(stacks.Observability));
    private readonly Lazy<Template> _engines = new(() => Template.FromStack(stacks.Engines));
    private EngineResources? _engineResources;

    public DqeConfig Config { get; } = config;

    public DqeStacks Stacks { get; } = stacks;

    public Template Platform => _platform.Value;

    public Template Automation => _automation.Value;

    public Template Observability => _observability.Value;

    public Template Engines => _engines.Value;

    /// <summary>The engines stack's Helm releases and Kubernetes objects, parsed.</summary>
    // Built from the same Engines template: Template.FromStack synthesizes, so it must not run twice per env.
    // CDK tests run one at a time (AssemblyInfo), so the unsynchronized cache is safe.
    public EngineResources EngineResources => _engineResources ??= new EngineResources(Engines);
}
