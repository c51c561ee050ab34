using Acode.Ec2Emulator.Protocol;

namespace Acode.Ec2Emulator.Actions;

/// <summary>The EC2 actions the emulator implements, by name; each resource family registers its own.</summary>
internal sealed class ActionRegistry
{
    private readonly Dictionary<string, ActionDefinition> _actions = new(StringComparer.Ordinal);

    public ActionRegistry()
    {
        InstanceActions.Register(this);
        KeyPairActions.Register(this);
        SecurityGroupActions.Register(this);
        TagActions.Register(this);
        ImageActions.Register(this);
        NetworkActions.Register(this);
        InstanceTypeActions.Register(this);
        SpotActions.Register(this);
        ReservedActions.Register(this);
        AddressActions.Register(this);
        VolumeActions.Register(this);
        ConsoleActions.Register(this);
        LaunchTemplateActions.Register(this);
        CreateFleetAction.Register(this);
    }

    public IReadOnlyCollection<string> Names => _actions.Keys;

    public void Query(string name, Action<ActionContext, XmlReply> handler) => _actions[name] = new ActionDefinition(false, handler);

    public void Mutation(string name, Action<ActionContext, XmlReply> handler) => _actions[name] = new ActionDefinition(true, handler);

    public ActionDefinition? Find(string name) => _actions.TryGetValue(name, out var a) ? a : null;
}
