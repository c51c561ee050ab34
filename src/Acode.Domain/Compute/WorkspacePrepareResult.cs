namespace Acode.Domain.Compute;

/// <summary>The outcome of preparing a target's workspace.</summary>
/// <param name="RemoteRoot">The absolute remote workspace path.</param>
/// <param name="FilesUploaded">Workspace files uploaded during preparation.</param>
/// <param name="BytesUploaded">Workspace bytes uploaded during preparation.</param>
/// <param name="Duration">Wall-clock time of the preparation.</param>
public sealed record WorkspacePrepareResult(string RemoteRoot, int FilesUploaded, long BytesUploaded, TimeSpan Duration);
