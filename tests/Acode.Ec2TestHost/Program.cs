using System.Globalization;
using Acode.Application.Compute;
using Acode.Application.Compute.Ec2;
using Acode.Domain.Compute;
using Acode.Infrastructure.Compute.Ec2;
using Acode.Infrastructure.Compute.Ec2.Credentials;
using Amazon.Runtime;

// Usage: Acode.Ec2TestHost <endpoint-url> <heartbeat-timeout-seconds>
// Prepares an EC2 target against the emulator, prints "READY <instance-id>", then waits to be killed.
var endpoint = new Uri(args[0]);
var heartbeatTimeout = TimeSpan.FromSeconds(double.Parse(args[1], CultureInfo.InvariantCulture));
var dependencies = new Ec2TargetDependencies
{
    ModeValidator = new ModeValidator(OperatingMode.Burst),
    ExplicitCredentials = new ResolvedAwsCredentials(new BasicAWSCredentials("test", "test"), "us-east-1", AwsCredentialSource.ExplicitProfile, "test host", "****test"),
};
var target = new Ec2ComputeTargetFactory(dependencies).Create(new Ec2Configuration
{
    Region = "us-east-1",
    EndpointUrl = endpoint,
    InstanceType = "t3.micro",
    HeartbeatTimeout = heartbeatTimeout,
    PollInterval = TimeSpan.FromMilliseconds(50),
    SshRetryInterval = TimeSpan.FromMilliseconds(50),
    SshRetryCount = 400,
});
await target.PrepareAsync(new WorkspaceContext());
Console.WriteLine("READY " + target.Instance!.InstanceId);
await Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System);
return 0;
