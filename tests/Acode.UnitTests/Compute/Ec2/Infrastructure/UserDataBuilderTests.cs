using System.Text;
using System.Text.RegularExpressions;
using Acode.Infrastructure.Compute.Ec2.Keys;
using Acode.Infrastructure.Compute.Ec2.UserData;
using YamlDotNet.RepresentationModel;

namespace Acode.UnitTests.Compute.Ec2.Infrastructure;

public sealed class UserDataBuilderTests
{
    private static readonly GeneratedKeyPair HostKey = SshKeyPairGenerator.GenerateEd25519("acode-host #1");
    private static readonly DeadManSwitchOptions DeadMan = new("s-42", TimeSpan.FromHours(2), TimeSpan.FromMinutes(10));

    [Fact]
    public void Nothing_to_send_gives_null()
    {
        Assert.Null(UserDataBuilder.Build(new UserDataRequest { UserUserData = "  " }));
    }

    [Fact]
    public void The_users_data_alone_goes_through_unchanged()
    {
        const string script = "#!/bin/sh\necho hi\n";

        var data = UserDataBuilder.Build(new UserDataRequest { UserUserData = script })!;

        Assert.Equal(script, data.Raw);
        Assert.Equal(script, Encoding.UTF8.GetString(Convert.FromBase64String(data.Base64)));
    }

    [Fact]
    public void Acode_parts_and_a_user_script_form_a_multipart_in_the_right_order()
    {
        var data = UserDataBuilder.Build(new UserDataRequest { HostKey = HostKey, DeadManSwitch = DeadMan, UserUserData = "#!/bin/bash\necho user\n" })!;

        var parts = Parts(data.Raw);
        Assert.Equal(["text/x-shellscript", "text/x-shellscript", "text/cloud-config"], parts.Select(p => p.ContentType));
        Assert.Contains("acode dead-man switch", parts[0].Body, StringComparison.Ordinal);
        Assert.Contains("filename=\"000-acode-dead-man-switch.sh\"", parts[0].Headers, StringComparison.Ordinal);
        Assert.Equal("#!/bin/bash\necho user\n", parts[1].Body);
        Assert.Equal(Encoding.UTF8.GetByteCount(data.Raw), data.RawBytes);
        Assert.Equal(data.Raw, Encoding.UTF8.GetString(Convert.FromBase64String(data.Base64)));
    }

    [Fact]
    public void The_host_key_part_is_cloud_config_yaml_with_the_key_pair()
    {
        var data = UserDataBuilder.Build(new UserDataRequest { HostKey = HostKey, GenerateHostKeyTypes = ["ed25519"] })!;

        var body = Parts(data.Raw).Single().Body;
        Assert.StartsWith("#cloud-config\n", body, StringComparison.Ordinal);
        var yaml = new YamlStream();
        yaml.Load(new StringReader(body));
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var keys = (YamlMappingNode)root["ssh_keys"];
        Assert.Equal(HostKey.PrivateKeyOpenSsh, ((YamlScalarNode)keys["ed25519_private"]).Value);
        Assert.Equal(HostKey.PublicKeyLine, ((YamlScalarNode)keys["ed25519_public"]).Value);
        Assert.Equal("true", ((YamlScalarNode)root["ssh_deletekeys"]).Value);
        Assert.Equal("ed25519", ((YamlScalarNode)((YamlSequenceNode)root["ssh_genkeytypes"]).Children.Single()).Value);
    }

    [Fact]
    public void A_user_cloud_config_comes_before_acodes_so_acodes_ssh_keys_win()
    {
        var data = UserDataBuilder.Build(new UserDataRequest { HostKey = HostKey, UserUserData = "#cloud-config\npackages: [git]\n" })!;

        var parts = Parts(data.Raw);
        Assert.Equal(["text/cloud-config", "text/cloud-config"], parts.Select(p => p.ContentType));
        Assert.Contains("packages", parts[0].Body, StringComparison.Ordinal);
        Assert.Contains("ssh_keys", parts[1].Body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_user_multipart_is_nested_unchanged()
    {
        const string user = "Content-Type: multipart/mixed; boundary=\"//\"\nMIME-Version: 1.0\n\n--//\n"
            + "Content-Type: text/x-shellscript; charset=\"us-ascii\"\n\n#!/bin/bash\necho nested\n--//--\n";

        var data = UserDataBuilder.Build(new UserDataRequest { DeadManSwitch = DeadMan, UserUserData = user })!;

        var parts = Parts(data.Raw);
        Assert.Equal(2, parts.Count);
        Assert.Equal("multipart/mixed", parts[1].ContentType);
        Assert.Contains(user, data.Raw, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_ascii_user_data_is_sent_as_utf8_base64()
    {
        var data = UserDataBuilder.Build(new UserDataRequest { DeadManSwitch = DeadMan, UserUserData = "#!/bin/bash\necho héllo\n" })!;

        var part = Parts(data.Raw)[1];
        Assert.Contains("charset=\"utf-8\"", part.Headers, StringComparison.Ordinal);
        Assert.Contains("Content-Transfer-Encoding: base64", part.Headers, StringComparison.Ordinal);
        Assert.Equal("#!/bin/bash\necho héllo\n", Encoding.UTF8.GetString(Convert.FromBase64String(part.Body)));
        Assert.True(System.Text.Ascii.IsValid(data.Raw));
    }

    [Fact]
    public void Unknown_user_data_format_is_refused_with_the_accepted_ones()
    {
        var error = Assert.Throws<UnsupportedUserDataException>(() =>
            UserDataBuilder.Build(new UserDataRequest { DeadManSwitch = DeadMan, UserUserData = "IyEvYmluL2Jhc2gK" }));

        Assert.Contains("#cloud-config", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Over_16_KB_raw_is_refused_with_the_sizes()
    {
        var user = "#!/bin/bash\n" + new string('x', UserDataBuilder.MaxRawBytes);

        var error = Assert.Throws<UserDataTooLargeException>(() =>
            UserDataBuilder.Build(new UserDataRequest { HostKey = HostKey, DeadManSwitch = DeadMan, UserUserData = user }));

        Assert.Equal(16384, error.LimitBytes);
        Assert.True(error.RawBytes > 16384);
        Assert.Contains("16384", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Exactly_the_limit_passes()
    {
        var user = "#!/bin/bash\n" + new string('x', UserDataBuilder.MaxRawBytes - 12);

        Assert.Equal(UserDataBuilder.MaxRawBytes, UserDataBuilder.Build(new UserDataRequest { UserUserData = user })!.RawBytes);
    }

    [Fact]
    public void ToString_never_shows_the_host_private_key()
    {
        var data = UserDataBuilder.Build(new UserDataRequest { HostKey = HostKey })!;

        Assert.DoesNotContain("PRIVATE", data.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE", new UserDataRequest { HostKey = HostKey }.ToString(), StringComparison.Ordinal);
    }

    private static List<(string Headers, string ContentType, string Body)> Parts(string raw)
    {
        var boundary = Regex.Match(raw, "^Content-Type: multipart/mixed; boundary=\"([^\"]+)\"\nMIME-Version: 1.0\n\n").Groups[1].Value;
        Assert.NotEmpty(boundary);
        Assert.EndsWith($"\n--{boundary}--\n", raw, StringComparison.Ordinal);
        var body = raw[..raw.LastIndexOf($"\n--{boundary}--", StringComparison.Ordinal)];
        return body.Split($"--{boundary}\n").Skip(1).Select(part =>
        {
            var split = part.IndexOf("\n\n", StringComparison.Ordinal);
            var headers = part[..split];
            var contentType = Regex.Match(headers, "Content-Type: ([^;\n]+)").Groups[1].Value;
            return (headers, contentType, part[(split + 2)..]);
        }).ToList();
    }
}
