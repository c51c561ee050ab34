using Acode.Ec2Emulator.Protocol;

namespace Acode.Ec2Emulator.Actions;

/// <summary>An EC2 action: whether it changes state (it then calls the checkpoint itself, after validating) and its handler.</summary>
internal sealed record ActionDefinition(bool Mutating, Action<ActionContext, XmlReply> Handler);
