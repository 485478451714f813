namespace Dqe.Core.Engines;

/// <summary>A result column: its name, the engine's type text (e.g. <c>decimal(10,2)</c>) and the CLR type of its values.</summary>
public sealed record QueryColumn(string Name, string EngineType, Type ClrType);
