using System.Text.Json.Serialization.Metadata;

namespace Dqe.Core.Hosting;

/// <summary>
/// One-line description of a request/response record from its source-generated metadata, e.g.
/// <c>{ note: string?, delayMs: int }</c> — what <c>dqe handlers</c> prints.
/// </summary>
public static class HandlerShape
{
    public static string Describe(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object)
        {
            return TypeName(type.Type);
        }

        var fields = type.Properties.Select(p => $"{p.Name}: {TypeName(p.PropertyType)}{(IsOptional(p) ? "?" : "")}");
        return $"{{ {string.Join(", ", fields)} }}";
    }

    private static bool IsOptional(JsonPropertyInfo property) =>
        !property.PropertyType.IsValueType ? property.IsGetNullable : Nullable.GetUnderlyingType(property.PropertyType) is not null;

    internal static string TypeName(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsArray)
        {
            return TypeName(type.GetElementType()!) + "[]";
        }

        if (type.IsGenericType)
        {
            var name = type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)];
            return $"{name}<{string.Join(", ", type.GetGenericArguments().Select(TypeName))}>";
        }

        return type == typeof(string) ? "string"
            : type == typeof(int) ? "int"
            : type == typeof(long) ? "long"
            : type == typeof(bool) ? "bool"
            : type == typeof(double) ? "double"
            : type.Name;
    }
}
