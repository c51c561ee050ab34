using Acode.Domain;

namespace Acode.Infrastructure.Compute.Ec2.UserData;

/// <summary>The user's user data is in no format cloud-init recognises, so it cannot be merged with acode's parts.</summary>
public sealed class UnsupportedUserDataException : AcodeException
{
    /// <summary>Initializes a new instance of the <see cref="UnsupportedUserDataException"/> class.</summary>
    public UnsupportedUserDataException(string firstLine)
        : base($"ec2Target.userData starts with '{firstLine}', which cloud-init does not recognise. "
            + "It must start with '#!' (a script), '#cloud-config', '#cloud-boothook', '#include', '## template: jinja', "
            + "or be a MIME multi-part document (with a MIME-Version header). Give it raw, not base64-encoded.")
    {
    }
}
