using System.Text;
using Ceiba.Chaincode.Shim;

namespace Ceiba.Network.Peer.Tests.Support;

/// <summary>
/// A small chaincode for endorser tests: put, get, move (read, write, delete), count (range), fail
/// (any status), setpolicy/getpolicy (a key's VALIDATION_PARAMETER: one org's peers) and slow (never answers in time).
/// </summary>
public sealed class KeyValueChaincode : IChaincode
{
    public Task<ChaincodeResponse> InitAsync(IChaincodeStub stub) => Task.FromResult(ChaincodeResponse.Success());

    public async Task<ChaincodeResponse> InvokeAsync(IChaincodeStub stub)
    {
        var args = stub.Args.Select(a => Encoding.UTF8.GetString(a)).ToArray();
        switch (args[0])
        {
            case "put":
                await stub.PutStateAsync(args[1], Encoding.UTF8.GetBytes(args[2]));
                stub.SetEvent("put", Encoding.UTF8.GetBytes(args[1]));
                return ChaincodeResponse.Success(Encoding.UTF8.GetBytes(args[2]));
            case "get":
                return ChaincodeResponse.Success(await stub.GetStateAsync(args[1]));
            case "move":
                var value = await stub.GetStateAsync(args[1]);
                await stub.PutStateAsync(args[2], value);
                await stub.DeleteStateAsync(args[1]);
                return ChaincodeResponse.Success();
            case "count":
                var count = 0;
                await foreach (var _ in stub.GetStateByRangeAsync(args[1], args[2]))
                {
                    count++;
                }

                return ChaincodeResponse.Success(Encoding.UTF8.GetBytes(count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            case "fail":
                return ChaincodeResponse.Error(args[2], int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture), Encoding.UTF8.GetBytes("details"));
            case "setpolicy":
                var policy = Topology.Generation.ChannelConfig.PolicyEncoding.AnyOf(args[2], Protos.Common.MSPRole.Types.MSPRoleType.Peer);
                await stub.SetStateValidationParameterAsync(args[1], Google.Protobuf.MessageExtensions.ToByteArray(policy));
                return ChaincodeResponse.Success();
            case "getpolicy":
                return ChaincodeResponse.Success(await stub.GetStateValidationParameterAsync(args[1]));
            case "slow":
                await Task.Delay(TimeSpan.FromSeconds(10));
                return ChaincodeResponse.Success();
            default:
                return ChaincodeResponse.Error($"unknown function {args[0]}", 400);
        }
    }
}
