using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Ceiba.Gateway.Api.Auth;
using Ceiba.Gateway.Api.Fabric;
using Microsoft.Extensions.Options;

namespace Ceiba.Gateway.Api.Accounts;

using Ceiba.Gateway.Client;

/// <summary>
/// Creates the default admin on first start, idempotently: when the ledger already has an admin with that e-mail,
/// nothing happens. Until the network answers it tries again; before each submit it looks the admin up first, so a
/// submit whose outcome was unknown is never blindly repeated. A generated password is logged exactly once, after
/// the ledger holds its hash.
/// </summary>
public sealed partial class DefaultAdminSeeder(
    FabricGateways fabric,
    PasswordHashing hashing,
    DefaultAdminState state,
    IOptions<DefaultAdminOptions> options,
    ILogger<DefaultAdminSeeder> logger) : BackgroundService
{
    /// <summary>The activity source of the API's own background work.</summary>
    public static readonly ActivitySource ActivitySource = new("Ceiba.Gateway.Api");

    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private readonly DefaultAdminOptions _options = options.Value;
    private string? _generatedPassword;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using var activity = ActivitySource.StartActivity("EnsureDefaultAdmin");
                await EnsureAsync(stoppingToken).ConfigureAwait(false);
                state.MarkReady();
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error) when (error is GatewayException or CommitException or NetworkMaterialException or NoHospitalIdentityException or IOException)
            {
                state.MarkProblem(error.Message);
                LogNotYet(logger, _options.Email, error.Message);
            }

            await Task.Delay(_options.RetryDelay, stoppingToken).ConfigureAwait(false);
        }
    }

    private async Task EnsureAsync(CancellationToken cancellationToken)
    {
        var contract = fabric.ServiceContract();
        var existing = await AccountLookup.FindByEmailAsync(contract, EhrRoles.Admin, _options.Email, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            // A previous attempt of this process may have committed before its outcome was known.
            if (_generatedPassword is { } generated && hashing.Verify(existing["password_hash"]?.GetValue<string>(), generated))
            {
                LogGeneratedPassword(logger, _options.Email, generated);
            }
            else
            {
                LogAlreadyThere(logger, _options.Email);
            }

            return;
        }

        var password = string.IsNullOrEmpty(_options.Password) ? _generatedPassword ??= RandomNumberGenerator.GetString(Alphabet, 20) : _options.Password;
        var (hospital, province) = fabric.ServiceHospital();
        var admin = new JsonObject
        {
            ["admin_id"] = _options.Id,
            ["first_name"] = _options.FirstName,
            ["last_name"] = _options.LastName,
            ["email"] = _options.Email,
            ["password_hash"] = hashing.Hash(password),
            ["hospital"] = hospital,
            ["province"] = province,
        };
        // A 409 (created meanwhile by another instance, or the id taken) fails this pass; the next one looks it up again.
        await contract.SubmitTransactionAsync("CreateAdmin", ProposalOptions.FromArguments(admin.ToJsonString()), cancellationToken).ConfigureAwait(false);

        if (ReferenceEquals(password, _generatedPassword))
        {
            LogGeneratedPassword(logger, _options.Email, password);
        }
        else
        {
            LogCreated(logger, _options.Email);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Default admin {Email} created with a generated password, shown only this once: {GeneratedPassword}")]
    private static partial void LogGeneratedPassword(ILogger logger, string email, string generatedPassword);

    [LoggerMessage(Level = LogLevel.Information, Message = "Default admin {Email} created with the configured password.")]
    private static partial void LogCreated(ILogger logger, string email);

    [LoggerMessage(Level = LogLevel.Information, Message = "Default admin {Email} is already on the ledger; nothing to do.")]
    private static partial void LogAlreadyThere(ILogger logger, string email);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Default admin {Email} not ensured yet, will try again: {Problem}")]
    private static partial void LogNotYet(ILogger logger, string email, string problem);
}
