using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Acode.Application.Compute.Ec2;

namespace Acode.Infrastructure.Configuration;

/// <summary>
/// Writes an <see cref="Ec2Configuration"/> as the <c>ec2Target:</c> block (region and instance type always, other keys
/// only when they differ from the defaults) and replaces that block in a config file, leaving every other line, comment
/// and section as it was. Used by <c>acode target add ec2</c>.
/// </summary>
public static partial class Ec2ConfigurationYamlWriter
{
    private static readonly Ec2Configuration Defaults = new() { Region = string.Empty };

    /// <summary>The block text, ending with a newline.</summary>
    public static string ToYaml(Ec2Configuration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var c = configuration;
        var d = Defaults;
        var sb = new StringBuilder(Ec2Defaults.SectionName).Append(":\n");
        void Line(string key, string value) => sb.Append("  ").Append(key).Append(": ").Append(value).Append('\n');
        void Text(string key, string? value, string? defaultValue = null)
        {
            if (value is not null && value != defaultValue)
            {
                Line(key, Scalar(value));
            }
        }

        void Flag(string key, bool value, bool defaultValue)
        {
            if (value != defaultValue)
            {
                Line(key, value ? "true" : "false");
            }
        }

        void Number(string key, int value, int defaultValue)
        {
            if (value != defaultValue)
            {
                Line(key, value.ToString(CultureInfo.InvariantCulture));
            }
        }

        void Duration(string key, TimeSpan value, TimeSpan defaultValue)
        {
            if (value != defaultValue)
            {
                Line(key, DurationText.Format(value));
            }
        }

        void List(string key, IReadOnlyList<string> values, string indent = "  ")
        {
            if (values.Count > 0)
            {
                sb.Append(indent).Append(key).Append(":\n");
                foreach (var value in values)
                {
                    sb.Append(indent).Append("  - ").Append(Scalar(value)).Append('\n');
                }
            }
        }

        Line("region", Scalar(c.Region));
        Line("instanceType", Scalar(c.InstanceType));
        Text("ami", c.AmiId);
        Text("vpcId", c.VpcId);
        Text("subnetId", c.SubnetId);
        List("securityGroupIds", c.SecurityGroupIds);
        Text("keyPairName", c.KeyPairName);
        if (c.AutoKeyPair is { } auto)
        {
            Line("autoKeyPair", auto ? "true" : "false");
        }

        Text("privateKeyPath", c.PrivateKeyPath);
        Text("instanceProfile", c.InstanceProfileArn);
        Flag("spotEnabled", c.SpotEnabled, d.SpotEnabled);
        if (c.SpotMaxPrice is { } price)
        {
            Line("spotMaxPrice", "\"" + price.ToString(CultureInfo.InvariantCulture) + "\"");
        }

        List("instanceTypes", c.InstanceTypes);
        List("subnets", c.Subnets);
        List("spotInstanceTypes", c.SpotInstanceTypes);
        Flag("spotFallbackToOnDemand", c.SpotFallbackToOnDemand, d.SpotFallbackToOnDemand);
        Text("tenancy", c.Tenancy, d.Tenancy);
        Number("ebsSizeGb", c.EbsSizeGb, d.EbsSizeGb);
        Text("ebsVolumeType", c.EbsVolumeType, d.EbsVolumeType);
        Text("ebsKmsKeyId", c.EbsKmsKeyId);
        Number("imdsHopLimit", c.ImdsHopLimit, d.ImdsHopLimit);
        if (c.Tags.Count > 0)
        {
            sb.Append("  tags:\n");
            foreach (var (key, value) in c.Tags)
            {
                sb.Append("    ").Append(Scalar(key)).Append(": ").Append(Scalar(value)).Append('\n');
            }
        }

        if (c.CreateTempSecurityGroup is { } temporary)
        {
            Line("createTempSecurityGroup", temporary ? "true" : "false");
        }
        List("sshSourceCidrs", c.SshSourceCidrs);
        Flag("associatePublicIp", c.AssociatePublicIp, d.AssociatePublicIp);
        Flag("usePrivateIp", c.UsePrivateIp, d.UsePrivateIp);
        Text("elasticIp", c.ElasticIp);
        Text("userData", c.UserData);
        Text("endpointUrl", c.EndpointUrl?.OriginalString);
        Text("profile", c.Profile);
        Text("sshUser", c.SshUser);
        Number("sshPort", c.SshPort, d.SshPort);
        if (c.HostKeyVerification != d.HostKeyVerification)
        {
            var name = c.HostKeyVerification.ToString();
            Line("hostKeyVerification", char.ToLowerInvariant(name[0]) + name[1..]);
        }

        Duration("pollInterval", c.PollInterval, d.PollInterval);
        Duration("provisionTimeout", c.ProvisionTimeout, d.ProvisionTimeout);
        Duration("sshReadyTimeout", c.SshReadyTimeout, d.SshReadyTimeout);
        Number("sshRetryCount", c.SshRetryCount, d.SshRetryCount);
        Duration("sshRetryInterval", c.SshRetryInterval, d.SshRetryInterval);
        Flag("deadManSwitch", c.DeadManSwitch, d.DeadManSwitch);
        Duration("maxLifetime", c.MaxLifetime, d.MaxLifetime);
        Duration("heartbeatTimeout", c.HeartbeatTimeout, d.HeartbeatTimeout);
        if (c.CostAlertThreshold is { } threshold)
        {
            Line("costAlertThreshold", threshold.ToString(CultureInfo.InvariantCulture));
        }

        if (c.SavingsPlan is { } plan)
        {
            sb.Append("  savingsPlan:\n    discountPercent: ").Append(plan.DiscountPercent.ToString(CultureInfo.InvariantCulture)).Append('\n');
            List("instanceFamilies", plan.InstanceFamilies, "    ");
            List("regions", plan.Regions, "    ");
        }

        return sb.ToString();
    }

    /// <summary>Returns <paramref name="existingYaml"/> with its top-level <c>ec2Target:</c> block replaced (or appended).</summary>
    public static string ReplaceSection(string existingYaml, Ec2Configuration configuration)
    {
        ArgumentNullException.ThrowIfNull(existingYaml);
        var block = ToYaml(configuration).TrimEnd('\n').Split('\n');
        var lines = SplitLines(existingYaml);
        var (start, count) = FindSection(lines);
        if (start < 0)
        {
            if (lines.Count > 0 && lines[^1].Trim().Length > 0)
            {
                lines.Add(string.Empty);
            }

            lines.AddRange(block);
        }
        else
        {
            lines.RemoveRange(start, count);
            lines.InsertRange(start, block);
        }

        return string.Join('\n', lines) + "\n";
    }

    /// <summary>
    /// Returns <paramref name="existingYaml"/> without its top-level <c>ec2Target:</c> block, or null when it has none.
    /// Works on text, so an invalid block can be removed too.
    /// </summary>
    public static string? RemoveSection(string existingYaml)
    {
        ArgumentNullException.ThrowIfNull(existingYaml);
        var lines = SplitLines(existingYaml);
        var (start, count) = FindSection(lines);
        if (start < 0)
        {
            return null;
        }

        lines.RemoveRange(start, count);
        while (lines.Count > 0 && lines[^1].Trim().Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return lines.Count == 0 ? string.Empty : string.Join('\n', lines) + "\n";
    }

    /// <summary>Writes the block into the file at <paramref name="path"/> (created with its folder if missing), atomically.</summary>
    public static void UpdateFile(string path, Ec2Configuration configuration)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var existing = File.Exists(full) ? File.ReadAllText(full) : string.Empty;
        WriteAtomically(full, ReplaceSection(existing, configuration));
    }

    /// <summary>Removes the <c>ec2Target:</c> block from the file, atomically; false when the file or the block is absent.</summary>
    public static bool RemoveFromFile(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full) || RemoveSection(File.ReadAllText(full)) is not { } remaining)
        {
            return false;
        }

        WriteAtomically(full, remaining);
        return true;
    }

    // Write beside the target and rename over it, so a crash never leaves a half-written config.
    private static void WriteAtomically(string fullPath, string text)
    {
        var temp = fullPath + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            File.WriteAllText(temp, text);
            File.Move(temp, fullPath, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private static List<string> SplitLines(string yaml)
    {
        var lines = yaml.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').ToList();
        if (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return lines;
    }

    // The block runs from its "ec2Target:" line to its last indented line; comments and blank lines after it stay.
    private static (int Start, int Count) FindSection(List<string> lines)
    {
        var start = lines.FindIndex(l => SectionStart().IsMatch(l));
        if (start < 0)
        {
            return (-1, 0);
        }

        var last = start;
        for (var i = start + 1; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Length > 0 && (line[0] == ' ' || line[0] == '\t'))
            {
                last = line.Trim().Length > 0 ? i : last;
            }
            else if (line.Trim().Length > 0 && !line.StartsWith('#'))
            {
                break;
            }
        }

        return (start, last - start + 1);
    }

    private static string Scalar(string value) =>
        PlainSafe().IsMatch(value) && !Reserved().IsMatch(value) ? value : Quote(value);

    private static string Quote(string value)
    {
        var sb = new StringBuilder("\"");
        foreach (var ch in value)
        {
            sb.Append(ch switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(ch) => $"\\u{(int)ch:x4}",
                _ => ch.ToString(),
            });
        }

        return sb.Append('"').ToString();
    }

    [GeneratedRegex(@"^ec2Target\s*:")]
    private static partial Regex SectionStart();

    [GeneratedRegex(@"^[A-Za-z0-9_./@+-][A-Za-z0-9_./@+=,-]*(:[A-Za-z0-9_./@+=,-]+)*$")]
    private static partial Regex PlainSafe();

    [GeneratedRegex(@"^([-+]?[0-9._]+([eE][-+]?[0-9]+)?|true|false|yes|no|on|off|y|n|null|~|-.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex Reserved();
}
