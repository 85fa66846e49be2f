namespace Ceiba.AppHost.Hosting;

/// <summary>An AppHost option has a value it cannot use; the message names the option, the value and what was expected.</summary>
public sealed class HarnessOptionsException(string message, Exception? innerException = null) : Exception(message, innerException);
