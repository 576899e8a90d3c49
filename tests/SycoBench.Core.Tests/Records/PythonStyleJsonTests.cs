using System.Buffers;
using System.Text;
using SycoBench.Records;

namespace SycoBench.Tests.Records;

public sealed class PythonStyleJsonTests
{
    // Expected strings are what Python 3 prints for json.dumps(value, ensure_ascii=False).
    [Theory]
    [InlineData("""{"a":1,"b":[1,2,{"c":null}],"d":true}""", """{"a": 1, "b": [1, 2, {"c": null}], "d": true}""")]
    [InlineData("""{"t":"50\u20ac \u2014 caf\u00e9"}""", """{"t": "50€ — café"}""")]
    [InlineData("""{"t":"q\"b\\s\/n\n\r\t\b\f\u0001\u001f\u007f"}""", "{\"t\": \"q\\\"b\\\\s/n\\n\\r\\t\\b\\f\\u0001\\u001f\u007f\"}")]
    [InlineData("""{"e":{},"a":[],"n":-0.25,"x":1E-05}""", """{"e": {}, "a": [], "n": -0.25, "x": 1E-05}""")]
    [InlineData("""{"emoji":"\ud83d\ude00"}""", """{"emoji": "😀"}""")]
    public void Rewrites_json_as_python_writes_it(string input, string expected)
    {
        var output = new ArrayBufferWriter<byte>();

        PythonStyleJson.Reformat(Encoding.UTF8.GetBytes(input), output);

        Assert.Equal(expected, Encoding.UTF8.GetString(output.WrittenSpan));
    }
}
