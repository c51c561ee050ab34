
using Microsoft.Extensions.Logging;

namespace Acode.Ec2Emulator;

/// <summary>How to start an <see cref="Ec2Emulator"/>.</summary>
public sealed record EmulatorOptions
{
    /// <summary>The API port on 127.0.0.1 (EC2, SSM, STS and <c>/_emulator/</c>); 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>The instance metadata service port on 127.0.0.1; 0 picks a free one.</summary>
    public int ImdsPort { get; init; }

    public string Region { get; init; } = "us-east-1";

    public string AccountId { get; init; } = "000000000000";

    /// <summary>The default key (LocalStack's convention): access key id <c>test</c>.</summary>
    public string AccessKeyId { get; init; } = "test";

    /// <summary>The default key's secret: <c>test</c>.</summary>
    public string SecretAccessKey { get; init; } = "test";

    /// <summary>False accepts unsigned or wrongly signed requests (for hand trials with curl and for fuzzing).</summary>
    public bool VerifySignatures { get; init; } = true;

    /// <summary>Back running instances with real sshd machines; false for scale tests (addresses are still unique).</summary>
    public bool StartMachines { get; init; } = true;

    /// <summary>Where machines keep their disks; null uses a fresh folder under the system temp folder.</summary>
    public string? MachineWorkRoot { get; init; }

    /// <summary>The machines' SSH port; null lets the machine host decide (22 as root, else a free port).</summary>
    public int? MachineSshPort { get; init; }

    /// <summary>The IAM role the IMDS root paths (<c>/latest/...</c>) hand out credentials for.</summary>
    public string HostRoleName { get; init; } = "acode-emulator-host";

    /// <summary>Instances an account may run at once (RunInstances beyond it: <c>InstanceLimitExceeded</c>).</summary>
    public int InstanceQuota { get; init; } = 5000;

    public EmulatorSettings Settings { get; init; } = new();

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    public ILoggerFactory? LoggerFactory { get; init; }
}
