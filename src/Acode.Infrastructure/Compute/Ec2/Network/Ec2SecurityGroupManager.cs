using Acode.Application.Compute.Ec2;
using Acode.Infrastructure.Compute.Ec2.Tagging;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using Microsoft.Extensions.Logging;

namespace Acode.Infrastructure.Compute.Ec2.Network;

/// <summary>
/// The temporary security group (FR-031..033): created per session, tagged at creation, allowing TCP to the SSH port
/// only from the given CIDRs, and deleted once the instance has released it. Right after termination EC2 answers
/// DeleteSecurityGroup with <c>DependencyViolation</c> for a while, so deletion retries with backoff within the caller's bound.
/// </summary>
public sealed class Ec2SecurityGroupManager
{
    private readonly IAmazonEC2 _ec2;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Initializes a new instance of the <see cref="Ec2SecurityGroupManager"/> class.</summary>
    public Ec2SecurityGroupManager(IAmazonEC2 ec2, TimeProvider timeProvider, ILogger logger)
    {
        _ec2 = ec2;
        _time = timeProvider;
        _logger = logger;
    }

    /// <summary>The name acode gives a session's temporary group.</summary>
    public static string GroupName(string sessionId) => "acode-" + sessionId;

    /// <summary>Creates the group and its single ingress rule; returns its id.</summary>
    /// <param name="sessionId">The session id (names the group).</param>
    /// <param name="vpcId">The VPC, or null for the default VPC.</param>
    /// <param name="sshPort">The SSH port to open.</param>
    /// <param name="sourceCidrs">Who may connect.</param>
    /// <param name="tags">acode's tags.</param>
    /// <param name="created">Told the group id as soon as the group exists, so a later failure can still delete it.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    public async Task<string> CreateAsync(
        string sessionId, string? vpcId, int sshPort, IReadOnlyList<string> sourceCidrs, IReadOnlyDictionary<string, string> tags, Action<string> created, CancellationToken cancellationToken = default)
    {
        string groupId;
        try
        {
            var response = await _ec2.CreateSecurityGroupAsync(
                new CreateSecurityGroupRequest
                {
                    GroupName = GroupName(sessionId),
                    Description = $"acode session {sessionId}: SSH from the launching machine only; deleted at teardown",
                    VpcId = vpcId,
                    TagSpecifications = [Ec2TagSpecifications.For(ResourceType.SecurityGroup, tags)],
                },
                cancellationToken).ConfigureAwait(false);
            groupId = response.GroupId;
        }
        catch (AmazonServiceException ex)
        {
            throw Ec2Errors.Translate(ex, "CreateSecurityGroup");
        }

        created(groupId);
        var cidrText = string.Join(",", sourceCidrs);
        Ec2Log.SecurityGroupCreated(_logger, groupId, sshPort, cidrText);
        try
        {
            await _ec2.AuthorizeSecurityGroupIngressAsync(
                new AuthorizeSecurityGroupIngressRequest
                {
                    GroupId = groupId,
                    IpPermissions =
                    [
                        new IpPermission
                        {
                            IpProtocol = "tcp",
                            FromPort = sshPort,
                            ToPort = sshPort,
                            Ipv4Ranges = sourceCidrs.Select(cidr => new IpRange { CidrIp = cidr, Description = "acode SSH" }).ToList(),
                        },
                    ],
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonServiceException ex)
        {
            throw Ec2Errors.Translate(ex, "AuthorizeSecurityGroupIngress");
        }

        return groupId;
    }

    /// <summary>
    /// Deletes the group, retrying <c>DependencyViolation</c> and transient codes (<see cref="Ec2Pipelines.SecurityGroupRelease"/>,
    /// 100 ms doubling to 5 s) until <paramref name="cancellationToken"/> ends the wait; a missing group is success.
    /// </summary>
    /// <returns>True when this call deleted it, false when it was already gone.</returns>
    public Task<bool> DeleteAsync(string groupId, CancellationToken cancellationToken) =>
        DeleteAsync(groupId, Ec2Pipelines.GroupReleaseFirstDelay, Ec2Pipelines.GroupReleaseMaxDelay, cancellationToken);

    /// <summary>The one way acode deletes a security group: as <see cref="DeleteAsync(string, CancellationToken)"/>, with the given backoff.</summary>
    /// <returns>True when this call deleted it, false when it was already gone.</returns>
    public async Task<bool> DeleteAsync(string groupId, TimeSpan firstDelay, TimeSpan maxDelay, CancellationToken cancellationToken)
    {
        var pipeline = Ec2Pipelines.SecurityGroupRelease(_time, firstDelay, maxDelay, (code, delay) => Ec2Log.SecurityGroupStillInUse(_logger, groupId, code ?? "unknown", delay));
        try
        {
            await pipeline.ExecuteAsync(
                async token => await _ec2.DeleteSecurityGroupAsync(new DeleteSecurityGroupRequest { GroupId = groupId }, token).ConfigureAwait(false),
                cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonServiceException ex) when (Ec2Errors.IsAlreadyGone(ex))
        {
            return false;
        }

        Ec2Log.SecurityGroupDeleted(_logger, groupId);
        return true;
    }

    /// <summary>The ids of every group tagged with this session (finds a group whose CreateSecurityGroup reply was lost).</summary>
    public async Task<IReadOnlyList<string>> FindSessionGroupsAsync(string sessionId, CancellationToken cancellationToken)
    {
        var response = await Ec2Retry.TransientAsync(
            token => _ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { Filters = [new Filter("tag:" + Ec2TagKeys.Session, [sessionId])] }, token),
            _time,
            cancellationToken).ConfigureAwait(false);
        return response.SecurityGroups?.Select(group => group.GroupId).ToArray() ?? [];
    }
}
