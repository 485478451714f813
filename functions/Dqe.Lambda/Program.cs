// The provided.al2023 bootstrap. The Runtime API loop arrives with the function-host issue (#5);
// until then the binary refuses to start rather than pretend to serve invocations.
Console.Error.WriteLine("bootstrap: the Lambda runtime loop is not built yet");
return 1;
