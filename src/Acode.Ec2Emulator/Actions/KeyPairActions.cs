using System.Text;
using Acode.Ec2Emulator.Protocol;
using Acode.Ec2Emulator.State;

namespace Acode.Ec2Emulator.Actions;

/// <summary>CreateKeyPair, ImportKeyPair, DeleteKeyPair, DescribeKeyPairs.</summary>
internal static class KeyPairActions
{
    private static readonly FilterSpec<KeyPairRecord> Filters = new(k => k.Tags)
    {
        ["key-pair-id"] = k => [k.KeyPairId],
        ["key-name"] = k => [k.KeyName],
        ["fingerprint"] = k => [k.Fingerprint],
        ["key-type"] = k => [k.KeyType],
    };

    public static void Register(ActionRegistry registry)
    {
        registry.Mutation("CreateKeyPair", CreateKeyPair);
        registry.Mutation("ImportKeyPair", ImportKeyPair);
        registry.Mutation("DeleteKeyPair", DeleteKeyPair);
        registry.Query("DescribeKeyPairs", DescribeKeyPairs);
    }

    private static void CreateKeyPair(ActionContext ctx, XmlReply r)
    {
        var name = ValidName(ctx);
        var keyType = ctx.Params.Get("KeyType") ?? "rsa";
        if (keyType is not ("rsa" or "ed25519"))
        {
            throw Ec2Exception.InvalidValue("KeyType", keyType);
        }

        var format = ctx.Params.Get("KeyFormat") ?? "pem";
        if (format != "pem")
        {
            throw Ec2Exception.InvalidValue("KeyFormat", format, "Only pem is supported by the emulator.");
        }

        var tags = Lookup.TagSpecifications(ctx, "key-pair", "key-pair");
        ctx.Checkpoint();
        var (pem, publicLine, fingerprint) = keyType == "ed25519" ? SshKeys.CreateEd25519() : SshKeys.CreateRsa();
        var record = Add(ctx, name, keyType, publicLine, fingerprint, tags);
        r.E("keyName", record.KeyName).E("keyFingerprint", record.Fingerprint).E("keyMaterial", pem).E("keyPairId", record.KeyPairId).Tags(record.Tags);
    }

    private static void ImportKeyPair(ActionContext ctx, XmlReply r)
    {
        var name = ValidName(ctx);
        var material = ctx.Params.Require("PublicKeyMaterial");
        string text;
        try
        {
            text = Encoding.UTF8.GetString(Convert.FromBase64String(material));
        }
        catch (FormatException)
        {
            throw new Ec2Exception("InvalidKey.Format", "Key is not in valid OpenSSH public key format");
        }

        var (keyType, publicLine, fingerprint) = SshKeys.Import(text);
        var tags = Lookup.TagSpecifications(ctx, "key-pair", "key-pair");
        ctx.Checkpoint();
        var record = Add(ctx, name, keyType, publicLine, fingerprint, tags);
        r.E("keyFingerprint", record.Fingerprint).E("keyName", record.KeyName).E("keyPairId", record.KeyPairId).Tags(record.Tags);
    }

    private static string ValidName(ActionContext ctx)
    {
        var name = ctx.Params.Require("KeyName");
        if (name.Length > 255 || name.Any(c => c > 127))
        {
            throw Ec2Exception.InvalidValue("KeyName", name);
        }

        return ctx.State.KeyPairs.Exists(k => k.KeyName == name)
            ? throw new Ec2Exception("InvalidKeyPair.Duplicate", $"The keypair '{name}' already exists.")
            : name;
    }

    private static KeyPairRecord Add(ActionContext ctx, string name, string keyType, string publicLine, string fingerprint, List<KeyValuePair<string, string>> tags)
    {
        var record = new KeyPairRecord
        {
            KeyPairId = Ids.New("key"), KeyName = name, KeyType = keyType, PublicKey = publicLine, Fingerprint = fingerprint, CreateTime = Timestamps.Truncate(ctx.Now),
        };
        foreach (var (k, v) in tags)
        {
            record.Tags[k] = v;
        }

        ctx.State.KeyPairs.Add(record);
        return record;
    }

    private static void DeleteKeyPair(ActionContext ctx, XmlReply r)
    {
        var name = ctx.Params.Get("KeyName");
        var id = ctx.Params.Get("KeyPairId");
        if (name is null && id is null)
        {
            throw Ec2Exception.Missing("KeyName");
        }

        ctx.Checkpoint();
        var record = ctx.State.KeyPairs.Find(k => (name is null || k.KeyName == name) && (id is null || k.KeyPairId == id));
        if (record is not null)
        {
            ctx.State.KeyPairs.Remove(record);
        }

        r.E("return", true).E("keyPairId", record?.KeyPairId);
    }

    private static void DescribeKeyPairs(ActionContext ctx, XmlReply r)
    {
        var names = ctx.Params.GetList("KeyName");
        var ids = ctx.Params.GetList("KeyPairId");
        foreach (var name in names.Where(n => !ctx.State.KeyPairs.Exists(k => k.KeyName == n)))
        {
            throw new Ec2Exception("InvalidKeyPair.NotFound", $"The key pair '{name}' does not exist");
        }

        foreach (var id in ids.Where(i => !ctx.State.KeyPairs.Exists(k => k.KeyPairId == i)))
        {
            throw new Ec2Exception("InvalidKeyPair.NotFound", $"The key pair ID '{id}' does not exist");
        }

        var includePublic = ctx.Params.GetBool("IncludePublicKey");
        var selected = ctx.State.KeyPairs.Where(k => (names.Count == 0 || names.Contains(k.KeyName)) && (ids.Count == 0 || ids.Contains(k.KeyPairId)));
        r.Set("keySet", Filters.Apply(selected, ctx.Params.GetFilters()), (x, k) =>
        {
            x.E("keyPairId", k.KeyPairId).E("keyType", k.KeyType).Tags(k.Tags);
            if (includePublic)
            {
                x.E("publicKey", k.PublicKey);
            }

            x.E("createTime", k.CreateTime).E("keyName", k.KeyName).E("keyFingerprint", k.Fingerprint);
        });
    }
}
