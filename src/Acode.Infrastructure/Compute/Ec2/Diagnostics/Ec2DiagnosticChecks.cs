using Acode.Application.Compute.Ec2.Diagnostics;
using Amazon.Runtime;

namespace Acode.Infrastructure.Compute.Ec2.Diagnostics;

/// <summary>
/// The checks of one <c>acode target test</c>, in order, each timed: a check that throws is a failed line with its fix,
/// and the next check still runs; a DryRun call passes on <c>DryRunOperation</c>.
/// </summary>
internal sealed class Ec2DiagnosticChecks(TimeProvider time)
{
    private const string PolicyFix = "grant it in the caller's IAM policy (docs/iam-policy.json lists every action acode needs)";

    private readonly List<Ec2DiagnosticCheck> _checks = [];

    /// <summary>Gets every check so far.</summary>
    public IReadOnlyList<Ec2DiagnosticCheck> All => _checks;

    /// <summary>Adds a check computed elsewhere.</summary>
    public void Add(Ec2DiagnosticCheck check) => _checks.Add(check);

    /// <summary>Runs a check; its value, or default when it failed (recorded with <paramref name="fix"/>).</summary>
    public async Task<T?> CheckAsync<T>(string name, Func<Task<(string Detail, T Value)>> check, string fix)
    {
        var started = time.GetTimestamp();
        try
        {
            var (detail, value) = await check().ConfigureAwait(false);
            _checks.Add(new Ec2DiagnosticCheck { Name = name, Passed = true, Detail = detail, Duration = time.GetElapsedTime(started) });
            return value;
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            var detail = ex is AmazonServiceException aws ? $"{aws.ErrorCode}: {aws.Message}" : ex.Message;
            _checks.Add(new Ec2DiagnosticCheck { Name = name, Passed = false, Detail = detail, Fix = fix, Duration = time.GetElapsedTime(started) });
            return default;
        }
    }

    /// <summary>Sends a request with DryRun and records whether the caller may make it.</summary>
    public async Task DryRunAsync(string name, Func<Task> call)
    {
        var started = time.GetTimestamp();
        string? detail;
        string? fix = null;
        var passed = false;
        try
        {
            await call().ConfigureAwait(false);
            detail = "answered without DryRunOperation: the endpoint ignored DryRun";
        }
        catch (AmazonServiceException ex) when (ex.ErrorCode == "DryRunOperation")
        {
            (passed, detail) = (true, "allowed");
        }
        catch (AmazonServiceException ex) when (ex.ErrorCode == "UnauthorizedOperation")
        {
            (detail, fix) = ("not allowed (UnauthorizedOperation)", PolicyFix);
        }
        catch (AmazonServiceException ex) when (ex.ErrorCode is "InvalidInstanceID.NotFound" or "InvalidInstanceID.Malformed")
        {
            // EC2 looks the instance up before it answers DryRunOperation; the probe names no real instance.
            (passed, detail) = (true, "accepted up to the instance lookup (the permission is checked for real on an acode instance)");
        }
        catch (AmazonServiceException ex)
        {
            (detail, fix) = ($"{ex.ErrorCode}: {ex.Message}", PolicyFix);
        }

        _checks.Add(new Ec2DiagnosticCheck { Name = name, Passed = passed, Detail = detail, Fix = fix, Duration = time.GetElapsedTime(started) });
    }
}
