using System.Text.Json.Serialization;

namespace Dqe.Core.Engines.Trino;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(List<TrinoColumnJson>))]
[JsonSerializable(typeof(TrinoStatsJson))]
[JsonSerializable(typeof(TrinoErrorJson))]
[JsonSerializable(typeof(List<TrinoWarningJson>))]
[JsonSerializable(typeof(string))]
internal sealed partial class TrinoJsonContext : JsonSerializerContext;
