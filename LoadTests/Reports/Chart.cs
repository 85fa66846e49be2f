namespace Ceiba.LoadTests.Reports;

/// <summary>One rendered chart: its file name in <c>charts/</c>, its title, and the PNG bytes.</summary>
public sealed record Chart(string FileName, string Title, byte[] Png);
