using Acode.Ec2Emulator.Lifecycle;
using Acode.Ec2Emulator.Protocol;
using Acode.Ec2Emulator.State;

namespace Acode.Ec2Emulator.Actions;

/// <summary>Describe/Start/Stop/Terminate instances, DescribeInstanceStatus and DescribeInstanceAttribute.</summary>
internal static class InstanceActions
{
    private static readonly FilterSpec<Instance> Filters = new(i => i.Tags)
    {
        ["instance-id"] = i => [i.Id],
        ["instance-state-name"] = i => [i.State.Name],
        ["instance-state-code"] = i => [i.State.Code.ToString(System.Globalization.CultureInfo.InvariantCulture)],
        ["instance-type"] = i => [i.Type.Name],
        ["image-id"] = i => [i.Image.ImageId],
        ["key-name"] = i => [i.KeyName],
        ["launch-time"] = i => [Timestamps.Format(i.LaunchTime)],
        ["instance-lifecycle"] = i => [i.IsSpot ? "spot" : null],
        ["client-token"] = i => [i.ClientToken],
        ["reservation-id"] = i => [i.ReservationId],
        ["spot-instance-request-id"] = i => [i.SpotRequest?.RequestId],
        ["state-reason-code"] = i => [i.StateReasonCode],
        ["state-reason-message"] = i => [i.StateReasonMessage],
        ["reason"] = i => [i.Reason],
        ["subnet-id"] = i => [i.Subnet.SubnetId],
        ["vpc-id"] = i => [i.Subnet.VpcId],
        ["availability-zone"] = i => [i.Subnet.AvailabilityZone],
        ["placement-availability-zone"] = i => [i.Subnet.AvailabilityZone],
        ["instance.group-id"] = i => i.Groups.Select(g => g.GroupId),
        ["instance.group-name"] = i => i.Groups.Select(g => g.GroupName),
        ["group-id"] = i => i.Groups.Select(g => g.GroupId),
        ["group-name"] = i => i.Groups.Select(g => g.GroupName),
        ["ip-address"] = i => [i.PublicIp],
        ["private-ip-address"] = i => [i.PrivateIp],
        ["architecture"] = i => [i.Image.Architecture],
        ["iam-instance-profile.arn"] = i => [i.IamInstanceProfileArn],
        ["root-device-type"] = i => ["ebs"],
        ["tenancy"] = i => ["default"],
    };

    private static readonly FilterSpec<Instance> StatusFilters = new()
    {
        ["instance-state-name"] = i => [i.State.Name],
        ["instance-state-code"] = i => [i.State.Code.ToString(System.Globalization.CultureInfo.InvariantCulture)],
        ["availability-zone"] = i => [i.Subnet.AvailabilityZone],
        ["instance-status.status"] = i => [Status(i)],
        ["system-status.status"] = i => [Status(i)],
    };

    public static void Register(ActionRegistry registry)
    {
        registry.Mutation("RunInstances", RunInstancesAction.Handle);
        registry.Query("DescribeInstances", DescribeInstances);
        registry.Query("DescribeInstanceStatus", DescribeInstanceStatus);
        registry.Query("DescribeInstanceAttribute", DescribeInstanceAttribute);
        registry.Mutation("TerminateInstances", TerminateInstances);
        registry.Mutation("StopInstances", StopInstances);
        registry.Mutation("StartInstances", StartInstances);
    }

    private static void DescribeInstances(ActionContext ctx, XmlReply r)
    {
        var ids = Lookup.InstanceIdsWithoutMaxResults(ctx);
        IEnumerable<Instance> source = ids.Count > 0 ? Lookup.Instances(ctx, ids) : ctx.State.Instances;
        var matching = Filters.Apply(source, ctx.Params.GetFilters()).ToList();
        var (page, next) = Pagination.Page(matching, ctx.Params, "DescribeInstances", 5, 1000);
        var reservations = new List<List<Instance>>();
        foreach (var instance in page)
        {
            if (reservations.Count > 0 && reservations[^1][0].ReservationId == instance.ReservationId)
            {
                reservations[^1].Add(instance);
            }
            else
            {
                reservations.Add([instance]);
            }
        }

        r.Set("reservationSet", reservations, (x, group) => InstanceXml.Reservation(x, ctx.State, group));
        r.E("nextToken", next);
    }

    private static void DescribeInstanceStatus(ActionContext ctx, XmlReply r)
    {
        var ids = Lookup.InstanceIdsWithoutMaxResults(ctx);
        var includeAll = ctx.Params.GetBool("IncludeAllInstances");
        IEnumerable<Instance> source = ids.Count > 0 ? Lookup.Instances(ctx, ids) : ctx.State.Instances;
        source = source.Where(i => includeAll || i.State == InstanceState.Running);
        var (page, next) = Pagination.Page(StatusFilters.Apply(source, ctx.Params.GetFilters()).ToList(), ctx.Params, "DescribeInstanceStatus", 5, 1000);
        r.Set("instanceStatusSet", page, (x, i) =>
        {
            x.E("instanceId", i.Id).E("availabilityZone", i.Subnet.AvailabilityZone);
            InstanceXml.State(x, "instanceState", i.State);
            var status = Status(i);
            var check = status == "ok" ? "passed" : "initializing";
            x.Open("systemStatus").E("status", status).Set("details", [0], (d, _) => d.E("name", "reachability").E("status", check)).Close();
            x.Open("instanceStatus").E("status", status).Set("details", [0], (d, _) => d.E("name", "reachability").E("status", check)).Close();
            x.Open("attachedEbsStatus").E("status", status).Close();
        });
        r.E("nextToken", next);
    }

    private static string Status(Instance i) => i.State == InstanceState.Running ? "ok" : "not-applicable";

    private static void DescribeInstanceAttribute(ActionContext ctx, XmlReply r)
    {
        var instance = Lookup.Instance(ctx, ctx.Params.Require("InstanceId"));
        var attribute = ctx.Params.Require("Attribute");
        r.E("instanceId", instance.Id);
        switch (attribute)
        {
            case "userData":
                r.Open("userData");
                r.E("value", instance.UserData);
                r.Close();
                break;
            case "instanceInitiatedShutdownBehavior":
                r.Open("instanceInitiatedShutdownBehavior").E("value", instance.ShutdownBehavior).Close();
                break;
            case "instanceType":
                r.Open("instanceType").E("value", instance.Type.Name).Close();
                break;
            case "disableApiTermination":
                r.Open("disableApiTermination").E("value", false).Close();
                break;
            case "disableApiStop":
                r.Open("disableApiStop").E("value", false).Close();
                break;
            case "rootDeviceName":
                r.Open("rootDeviceName").E("value", instance.Image.RootDeviceName).Close();
                break;
            case "groupSet":
                r.Set("groupSet", instance.Groups, (x, g) => x.E("groupId", g.GroupId));
                break;
            default:
                throw new Ec2Exception("InvalidParameterValue", $"Value ({attribute}) for parameter attribute is invalid. Unknown attribute.");
        }
    }

    private static void TerminateInstances(ActionContext ctx, XmlReply r)
    {
        var instances = Lookup.Instances(ctx, RequireIds(ctx));
        ctx.Checkpoint();
        var reason = StateReasons.UserInitiatedAt(ctx.Now);
        r.Set("instancesSet", instances, (x, i) =>
        {
            var previous = i.State;
            ctx.Lifecycle.Terminate(i, StateReasons.UserInitiated, reason);
            x.E("instanceId", i.Id);
            InstanceXml.State(x, "currentState", i.State);
            InstanceXml.State(x, "previousState", previous);
        });
    }

    private static void StopInstances(ActionContext ctx, XmlReply r)
    {
        var instances = Lookup.Instances(ctx, RequireIds(ctx));
        foreach (var i in instances)
        {
            if (i.State == InstanceState.Pending || i.State == InstanceState.ShuttingDown || i.State == InstanceState.Terminated)
            {
                throw new Ec2Exception("IncorrectInstanceState", $"This instance '{i.Id}' is not in a state from which it can be stopped.");
            }

            if (i.SpotRequest is { } spot && (spot.SpotType != "persistent" || spot.InterruptionBehavior == "terminate"))
            {
                throw new Ec2Exception("UnsupportedOperation", $"You can't stop the Spot Instance '{i.Id}' because it is associated with a one-time Spot Instance request. You can only stop Spot Instances associated with persistent Spot Instance requests.");
            }
        }

        ctx.Checkpoint();
        var reason = StateReasons.UserInitiatedAt(ctx.Now);
        r.Set("instancesSet", instances, (x, i) =>
        {
            var previous = i.State;
            if (i.State == InstanceState.Running)
            {
                ctx.Lifecycle.Stop(i, StateReasons.UserInitiated, reason);
            }

            x.E("instanceId", i.Id);
            InstanceXml.State(x, "currentState", i.State);
            InstanceXml.State(x, "previousState", previous);
        });
    }

    private static void StartInstances(ActionContext ctx, XmlReply r)
    {
        var instances = Lookup.Instances(ctx, RequireIds(ctx));
        foreach (var i in instances)
        {
            if (i.State != InstanceState.Stopped && i.State != InstanceState.Running && i.State != InstanceState.Pending)
            {
                throw new Ec2Exception("IncorrectInstanceState", $"The instance '{i.Id}' is not in a state from which it can be started.");
            }
        }

        ctx.Checkpoint();
        r.Set("instancesSet", instances, (x, i) =>
        {
            var previous = i.State;
            if (i.State == InstanceState.Stopped)
            {
                ctx.Lifecycle.Start(i);
            }

            x.E("instanceId", i.Id);
            InstanceXml.State(x, "currentState", i.State);
            InstanceXml.State(x, "previousState", previous);
        });
    }

    private static List<string> RequireIds(ActionContext ctx)
    {
        var ids = ctx.Params.GetList("InstanceId");
        return ids.Count > 0 ? ids : throw Ec2Exception.Missing("InstanceId");
    }
}
