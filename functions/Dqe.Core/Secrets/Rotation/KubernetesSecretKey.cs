namespace Dqe.Core.Secrets.Rotation;

/// <summary>One key of a Kubernetes secret, written <c>namespace/name:key</c> in the environment.</summary>
public sealed record KubernetesSecretKey(RotationTarget Secret, string Key)
{
    public override string ToString() => $"{Secret}:{Key}";
}
