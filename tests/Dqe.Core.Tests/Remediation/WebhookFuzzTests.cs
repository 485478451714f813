using System.Text;
using System.Text.Json.Nodes;
using Dqe.Core.Tests.TestHelpers;

namespace Dqe.Core.Tests.Remediation;

/// <summary>Random and mutated bodies (seeded, so a failure replays): the webhook never throws and invalid input never acts.</summary>
public sealed class WebhookFuzzTests
{
    private const int Cases = 4000;
    private static readonly string[] Values = ["null", "0", "-1", "1e309", "\"\"", "\"4\"", "\"firing\"", "\"resolved\"", "[]", "{}", "[null]", "true", "\"zz\"", "\"2026-13-45T99:00:00Z\""];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task HandleAsync_RandomAndMutatedBodies_NeverThrowsAndInvalidInputNeverActs(int seed)
    {
        var random = new Random(seed);
        var h = new RemediationHarness();
        var fixture = Encoding.UTF8.GetBytes(AlertPayloads.Fixture);
        var rejected = 0;
        for (var i = 0; i < Cases; i++)
        {
            var body = (i % 4) switch
            {
                0 => RandomBytes(random),
                1 => FlipBytes(random, fixture),
                2 => Encoding.UTF8.GetBytes(ReplaceValue(random, AlertPayloads.Fixture)),
                _ => Splice(random, fixture),
            };
            var changesBefore = h.Cluster.Changes.Count;
            var auditBefore = h.Audit.Snapshot().Count;

            var reply = await h.Webhook.HandleAsync("Bearer " + RemediationHarness.Token, body, CancellationToken.None);

            Assert.True(reply.Status is 200 or 400 or 413, $"seed {seed} case {i}: status {reply.Status} {reply.Error}");
            if (reply.Status != 200)
            {
                rejected++;
                Assert.Equal(changesBefore, h.Cluster.Changes.Count);
                Assert.Equal(auditBefore, h.Audit.Snapshot().Count);
                Assert.False(string.IsNullOrEmpty(reply.Field), $"case {i}: a rejection names its field");
            }
        }

        // Most mutations must be caught; if nearly none are, the mutators are not exercising the parser.
        Assert.True(rejected > Cases / 2, $"only {rejected} of {Cases} bodies were rejected");
    }

    [Fact]
    public async Task HandleAsync_RandomBodiesWithoutToken_AlwaysUnauthorized()
    {
        var random = new Random(7);
        var h = new RemediationHarness();
        for (var i = 0; i < 500; i++)
        {
            var reply = await h.Webhook.HandleAsync(i % 2 == 0 ? null : "Bearer x" + i, RandomBytes(random), CancellationToken.None);

            Assert.Equal(401, reply.Status);
        }

        Assert.Empty(h.Cluster.Changes);
        Assert.Empty(h.Audit.Snapshot());
    }

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(0, 512)];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] FlipBytes(Random random, byte[] source)
    {
        var copy = (byte[])source.Clone();
        for (var n = random.Next(1, 6); n > 0; n--)
        {
            copy[random.Next(copy.Length)] = (byte)random.Next(256);
        }

        return copy;
    }

    private static byte[] Splice(Random random, byte[] source)
    {
        var start = random.Next(source.Length);
        var length = random.Next(0, source.Length - start);
        return [.. source.AsSpan(0, start), .. source.AsSpan(start + length)];
    }

    private static string ReplaceValue(Random random, string json)
    {
        var root = JsonNode.Parse(json)!;
        var targets = new List<(JsonNode Parent, string? Key, int Index)>();
        Collect(root, targets);
        var (parent, key, index) = targets[random.Next(targets.Count)];
        var value = JsonNode.Parse(Values[random.Next(Values.Length)]);
        if (key is not null)
        {
            parent.AsObject()[key] = value;
        }
        else
        {
            parent.AsArray()[index] = value;
        }

        return root.ToJsonString();
    }

    private static void Collect(JsonNode node, List<(JsonNode Parent, string? Key, int Index)> targets)
    {
        if (node is JsonObject obj)
        {
            foreach (var (key, child) in obj.ToList())
            {
                targets.Add((obj, key, -1));
                if (child is not null)
                {
                    Collect(child, targets);
                }
            }
        }
        else if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                targets.Add((array, null, i));
                if (array[i] is { } child)
                {
                    Collect(child, targets);
                }
            }
        }
    }
}
