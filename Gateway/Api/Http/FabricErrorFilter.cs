using Ceiba.Gateway.Api.Fabric;
using Ceiba.Network.Protos.Peer;

namespace Ceiba.Gateway.Api.Http;

using Ceiba.Gateway.Client;

/// <summary>
/// Turns Fabric failures into the contract's answers: the chaincode's 4xx with its message, 503 when the network
/// cannot be reached, 409 for a transaction that lost an MVCC race. Nothing is retried: a submit whose outcome is
/// unknown is reported, never sent again.
/// </summary>
public sealed partial class FabricErrorFilter(ILogger<FabricErrorFilter> logger) : IEndpointFilter
{
    /// <inheritdoc />
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            return await next(context).ConfigureAwait(false);
        }
        catch (GatewayException error) when (ChaincodeError.From(error) is { Status: >= 400 and < 500 } chaincode)
        {
            return Business(chaincode);
        }
        catch (GatewayException error)
        {
            LogGatewayFailure(logger, error.Stage.ToString(), error.StatusCode.ToString(), error.Message);
            return ChaincodeError.From(error) is { } chaincode
                ? Problems.Status(StatusCodes.Status502BadGateway, "The chaincode failed.", chaincode.Message)
                : Unavailable($"The Fabric network did not answer the {error.Stage} call ({error.StatusCode}).");
        }
        catch (CommitException error) when (error.Code is TxValidationCode.MvccReadConflict or TxValidationCode.PhantomReadConflict)
        {
            return Problems.Status(StatusCodes.Status409Conflict, "Concurrent update.",
                $"Transaction {error.TransactionId} conflicted with a concurrent transaction ({error.Code}) and was not recorded; send the request again.");
        }
        catch (CommitException error)
        {
            LogGatewayFailure(logger, "Commit", error.Code.ToString(), error.Message);
            return Problems.Status(StatusCodes.Status502BadGateway, "The transaction was not recorded.",
                $"Transaction {error.TransactionId} was invalidated at commit ({error.Code}).");
        }
        catch (NetworkMaterialException error)
        {
            LogMaterialFailure(logger, error.Message);
            return Unavailable("The Fabric network configuration could not be loaded.");
        }
        catch (NoHospitalIdentityException error)
        {
            return Problems.Status(StatusCodes.Status403Forbidden, "No Fabric identity.", error.Message);
        }
    }

    private static IResult Business(ChaincodeError chaincode) => chaincode.Status switch
    {
        StatusCodes.Status400BadRequest when chaincode.FieldErrors() is { Count: > 0 } fields => Problems.Validation(fields, chaincode.Message),
        StatusCodes.Status400BadRequest => Problems.Status(chaincode.Status, "The request is invalid.", chaincode.Message),
        StatusCodes.Status403Forbidden => Problems.Status(chaincode.Status, "Forbidden.", chaincode.Message),
        StatusCodes.Status404NotFound => Problems.Status(chaincode.Status, "Not found.", chaincode.Message),
        StatusCodes.Status409Conflict => Problems.Status(chaincode.Status, "Conflict.", chaincode.Message),
        _ => Problems.Status(chaincode.Status, "The chaincode refused the request.", chaincode.Message),
    };

    private static IResult Unavailable(string detail) => Problems.Status(StatusCodes.Status503ServiceUnavailable, "The Fabric network is unavailable.", detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Fabric {Stage} failed with {Code}: {Message}")]
    private static partial void LogGatewayFailure(ILogger logger, string stage, string code, string message);

    [LoggerMessage(Level = LogLevel.Error, Message = "The Fabric network material could not be loaded: {Message}")]
    private static partial void LogMaterialFailure(ILogger logger, string message);
}
