using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace Dqe.Cdk.Tests.TestHelpers;

/// <summary>
/// Renders the installation's <c>users</c>, <c>profiles</c> and <c>quotas</c> (the operator's path-style keys) into a
/// users.xml as the Altinity operator does: each path segment an element, a list a repeated element, and
/// <c>k8s_secret_password[_sha256_hex]</c> replaced by <c>password[_sha256_hex]</c> from the referenced secret (here:
/// <paramref name="passwords"/> by user, hashed as External Secrets' sha256sum would).
/// </summary>
internal static class OperatorUsersXml
{
    /// <param name="networks">Replaces each user's networks when the user is a key (the tests connect from 127.0.0.1).</param>
    /// <param name="without">Profile settings left out because this server predates them (with why at the call site).</param>
    public static string Render(JsonNode configuration, IReadOnlyDictionary<string, string> passwords, IReadOnlyDictionary<string, string> networks, IReadOnlyList<string> without)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var root = new XElement("yandex");
        var users = Section(root, "users");
        users.Add(XElement.Parse("<default><password></password><networks><ip>127.0.0.1</ip></networks><profile>default</profile><quota>default</quota></default>"));
        foreach (var (key, declared) in configuration["users"]!.AsObject())
        {
            var user = key[..key.IndexOf('/', StringComparison.Ordinal)];
            var (setting, value) = key[(user.Length + 1)..] switch
            {
                "k8s_secret_password_sha256_hex" => ("password_sha256_hex", (JsonNode)Sha256(passwords[user])),
                "k8s_secret_password" => ("password", (JsonNode)passwords[user]),
                "networks/ip" when networks.TryGetValue(user, out var ip) => ("networks/ip", new JsonArray(ip)),
                var other => (other, declared!),
            };
            Add(users, $"{user}/{setting}", value);
        }

        foreach (var (key, value) in configuration["profiles"]!.AsObject().Where(p => !without.Any(w => p.Key.Contains(w, StringComparison.Ordinal))))
        {
            Add(Section(root, "profiles"), key, value!);
        }

        foreach (var (key, value) in configuration["quotas"]!.AsObject())
        {
            Add(Section(root, "quotas"), key, value!);
        }

        return new XDocument(new XDeclaration("1.0", "utf-8", null), root).ToString();
    }

    private static XElement Section(XElement root, string name)
    {
        if (root.Element(name) is not { } section)
        {
            section = new XElement(name);
            root.Add(section);
        }

        return section;
    }

    private static void Add(XElement parent, string path, JsonNode value)
    {
        var segments = path.Split('/');
        var node = parent;
        foreach (var segment in segments[..^1])
        {
            node = node.Element(segment) ?? Added(node, new XElement(segment));
        }

        foreach (var item in value is JsonArray list ? list.Select(i => i!) : [value])
        {
            node.Add(new XElement(segments[^1], item.ToString()));
        }
    }

    private static XElement Added(XElement parent, XElement child)
    {
        parent.Add(child);
        return child;
    }

    private static string Sha256(string password) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(password)));
}
