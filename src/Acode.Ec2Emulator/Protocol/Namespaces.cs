namespace Acode.Ec2Emulator.Protocol;

/// <summary>XML namespaces and API versions of the services the emulator speaks.</summary>
internal static class Namespaces
{
    public const string Ec2 = "http://ec2.amazonaws.com/doc/2016-11-15/";
    public const string Sts = "https://sts.amazonaws.com/doc/2011-06-15/";
}
