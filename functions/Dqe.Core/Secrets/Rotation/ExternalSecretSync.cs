namespace Dqe.Core.Secrets.Rotation;

/// <summary>An ExternalSecret that carries rotated passwords to <paramref name="Engine"/>, written <c>engine:namespace/name</c>.</summary>
public sealed record ExternalSecretSync(RotationEngine Engine, RotationTarget Target)
{
    public override string ToString() => $"{Engine.Name()}:{Target}";
}
