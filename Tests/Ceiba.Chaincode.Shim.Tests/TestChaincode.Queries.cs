using System.Text;

namespace Ceiba.Chaincode.Shim.Tests;

/// <content>Range, composite-key, history, key-level endorsement and private data functions.</content>
internal sealed partial class TestChaincode
{
    private static async Task<ChaincodeResponse> RangeAsync(IChaincodeStub stub, string startKey, string endKey)
    {
        var items = new List<object>();
        await foreach (var kv in stub.GetStateByRangeAsync(startKey, endKey))
        {
            items.Add(Item(kv));
        }
        return Json(items);
    }

    private static async Task<ChaincodeResponse> RangeFirstAsync(IChaincodeStub stub, string startKey, string endKey, int count)
    {
        var keys = new List<string>();
        await foreach (var kv in stub.GetStateByRangeAsync(startKey, endKey))
        {
            keys.Add(kv.Key);
            if (keys.Count == count)
            {
                break;
            }
        }
        return Json(keys);
    }

    private static async Task<ChaincodeResponse> PageAsync(IChaincodeStub stub, string startKey, string endKey, int pageSize, string bookmark)
    {
        var page = await stub.GetStateByRangeWithPaginationAsync(startKey, endKey, pageSize, bookmark);
        return Json(new { items = page.Items.Select(Item), fetched = page.Metadata.FetchedRecordsCount, bookmark = page.Metadata.Bookmark });
    }

    private static async Task<ChaincodeResponse> PutIndexedAsync(IChaincodeStub stub, string objectType, string value, string[] attributes)
    {
        var key = stub.CreateCompositeKey(objectType, attributes);
        await stub.PutStateAsync(key, Encoding.UTF8.GetBytes(value));
        return ChaincodeResponse.Success(Encoding.UTF8.GetBytes(key));
    }

    private static async Task<ChaincodeResponse> PartialAsync(IChaincodeStub stub, string objectType, string[] attributes)
    {
        var items = new List<object>();
        await foreach (var kv in stub.GetStateByPartialCompositeKeyAsync(objectType, attributes))
        {
            items.Add(Split(stub, kv));
        }
        return Json(items);
    }

    private static async Task<ChaincodeResponse> PartialPageAsync(IChaincodeStub stub, string objectType, int pageSize, string bookmark, string[] attributes)
    {
        var page = await stub.GetStateByPartialCompositeKeyWithPaginationAsync(objectType, attributes, pageSize, bookmark);
        return Json(new { items = page.Items.Select(kv => Split(stub, kv)), fetched = page.Metadata.FetchedRecordsCount, bookmark = page.Metadata.Bookmark });
    }

    private static async Task<ChaincodeResponse> HistoryAsync(IChaincodeStub stub, string key)
    {
        var items = new List<object>();
        await foreach (var modification in stub.GetHistoryForKeyAsync(key))
        {
            items.Add(new
            {
                txId = modification.TxId,
                value = Encoding.UTF8.GetString(modification.Value),
                isDelete = modification.IsDelete,
                timestampMs = modification.Timestamp.ToUnixTimeMilliseconds(),
            });
        }
        return Json(items);
    }

    private static async Task<ChaincodeResponse> SetValidationParameterAsync(IChaincodeStub stub, string key, string policyHex)
    {
        await stub.SetStateValidationParameterAsync(key, Convert.FromHexString(policyHex));
        return Text("ok");
    }

    private static async Task<ChaincodeResponse> GetValidationParameterAsync(IChaincodeStub stub, string key) =>
        Text(Convert.ToHexStringLower(await stub.GetStateValidationParameterAsync(key)));

    private static async Task<ChaincodeResponse> PrivatePutAsync(IChaincodeStub stub, string collection, string key, string value)
    {
        await stub.PutPrivateDataAsync(collection, key, Encoding.UTF8.GetBytes(value));
        return Text("ok");
    }

    private static async Task<ChaincodeResponse> PrivateGetAsync(IChaincodeStub stub, string collection, string key) =>
        ChaincodeResponse.Success(await stub.GetPrivateDataAsync(collection, key));

    private static async Task<ChaincodeResponse> PrivateHashAsync(IChaincodeStub stub, string collection, string key) =>
        Text(Convert.ToHexStringLower(await stub.GetPrivateDataHashAsync(collection, key)));

    private static object Item(KeyValue kv) => new { key = kv.Key, value = Encoding.UTF8.GetString(kv.Value) };

    private static object Split(IChaincodeStub stub, KeyValue kv)
    {
        var parts = stub.SplitCompositeKey(kv.Key);
        return new { objectType = parts.ObjectType, attributes = parts.Attributes, value = Encoding.UTF8.GetString(kv.Value) };
    }
}
