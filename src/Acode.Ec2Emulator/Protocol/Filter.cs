namespace Acode.Ec2Emulator.Protocol;

/// <summary>One request filter: values are OR-ed, filters are AND-ed; values may hold <c>*</c> and <c>?</c> wildcards.</summary>
internal sealed record Filter(string Name, IReadOnlyList<string> Values);
