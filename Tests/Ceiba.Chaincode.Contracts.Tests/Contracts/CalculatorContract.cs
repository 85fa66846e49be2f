using System.Text;
using Ceiba.Chaincode.Shim.Contracts;

namespace Ceiba.Chaincode.Contracts.Tests.Contracts;

/// <summary>A contract exercising every parameter, return and error form the router supports.</summary>
[Contract(Name = "calc", Title = "Calculator", Version = "1.2.3", Description = "Arithmetic for tests")]
internal sealed class CalculatorContract : ContractBase
{
    public override ITransactionSerializer Serializer { get; } = new JsonTransactionSerializer(WidgetJsonContext.Default);

    [Transaction(Intent = TransactionIntent.Evaluate)]
    public int Add(Context context, int a, int b) => a + b;

    [Transaction(Intent = TransactionIntent.Evaluate)]
    public string Echo(Context context, string text) => text;

    [Transaction(Intent = TransactionIntent.Evaluate)]
    public async Task<string> ShoutAsync(Context context, string text)
    {
        await Task.Yield();
        return text.ToUpperInvariant();
    }

    [Transaction(Intent = TransactionIntent.Evaluate, Name = "Halve")]
    public ValueTask<double> HalveValueAsync(Context context, double value) => ValueTask.FromResult(value / 2);

    [Transaction]
    public async Task StoreAsync(Context context, string key, string value) =>
        await context.Stub.PutStateAsync(key, Encoding.UTF8.GetBytes(value));

    [Transaction]
    public Widget Resize(Context context, Widget widget, int size) => widget with { Size = size };

    [Transaction(Intent = TransactionIntent.Evaluate)]
    public string Page(Context context, int pageSize, string bookmark = "start") => $"{pageSize}@{bookmark}";

    [Transaction(Intent = TransactionIntent.Evaluate)]
    public string Describe(Context context, Widget? widget) => widget is null ? "none" : widget.WidgetId;

    [Transaction]
    public void Reject(Context context, int status) =>
        throw new ChaincodeException(status, "widget 7 already exists", Encoding.UTF8.GetBytes("{\"id\":7}"));

    [Transaction]
    public int Divide(Context context, int a, int b) => a / b;

    [Transaction(Intent = TransactionIntent.Evaluate)]
    public async Task<string> FailLaterAsync(Context context)
    {
        await Task.Yield();
        throw new InvalidOperationException("secret connection string=Server=db;Password=hunter2");
    }
}
