package dev.chatstream.llm.bedrock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatstream.llm.ErrorKind;
import dev.chatstream.llm.LlmError;
import dev.chatstream.llm.LlmMetrics;
import dev.chatstream.llm.LlmProvider;
import dev.chatstream.llm.LlmRequest;
import dev.chatstream.llm.chat.ChatContext;
import dev.chatstream.llm.chat.ChatMessage;
import dev.chatstream.llm.chat.ChatRole;
import dev.chatstream.llm.chat.ImageContent;
import dev.chatstream.llm.chat.TextContent;
import dev.chatstream.llm.internal.json.Json;
import dev.chatstream.llm.internal.retry.ConnectorRuntime;
import dev.chatstream.llm.stream.CompletionUsage;
import dev.chatstream.llm.stream.FunctionToolCall;
import dev.chatstream.llm.testing.HttpProviderContract;
import dev.chatstream.llm.testing.Transcript;
import dev.chatstream.llm.tools.FunctionTool;
import dev.chatstream.llm.tools.ToolChoice;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;

class BedrockProviderTest extends HttpProviderContract {

  private static final String KEY_ID = "AKIDEXAMPLE0TEST";

  @Override
  protected LlmProvider provider(HttpUrl baseUrl, ConnectorRuntime runtime) {
    return BedrockProvider.create(options(baseUrl, credentials()), runtime);
  }

  @Override
  protected String streamContentType() {
    return "application/vnd.amazon.eventstream";
  }

  @Override
  protected byte[] encode(String wire) {
    return wire.getBytes(StandardCharsets.ISO_8859_1);
  }

  @Override
  protected String rawEvent(String data) {
    return BedrockWire.event("contentBlockDelta", data);
  }

  @Override
  protected String keepAlive() {
    return BedrockWire.event("ping", "{}");
  }

  @Override
  protected String textStream(List<String> pieces) {
    return BedrockWire.textStream(pieces);
  }

  @Override
  protected String firstTextEvent(String piece) {
    return BedrockWire.messageStart() + BedrockWire.textDelta(0, piece);
  }

  @Override
  protected String preambleEvent() {
    return BedrockWire.messageStart();
  }

  @Override
  protected String errorBody(String message) {
    return BedrockWire.errorBody(message);
  }

  @Test
  void signsEachRequestWithSigV4ForBedrockInTheRegion() throws Exception {
    server.enqueue(streamResponse(textStream(List.of("ok"))));
    AwsCredentialsProvider session = StaticCredentialsProvider.create(
        AwsSessionCredentials.create(KEY_ID, SECRET, "session-token-LEAKCANARY-99"));

    run(BedrockProvider.create(options(server.url("/"), session).withModel("us.amazon.nova-micro-v1:0"),
        ConnectorRuntime.defaults()), request(quick()));
    RecordedRequest recorded = takeRequest();

    assertEquals("/model/us.amazon.nova-micro-v1%3A0/converse-stream", recorded.getUrl().encodedPath());
    String authorization = recorded.getHeaders().get("Authorization");
    assertTrue(authorization.startsWith("AWS4-HMAC-SHA256 Credential=" + KEY_ID + "/"), authorization);
    assertTrue(authorization.contains("/us-west-2/bedrock/aws4_request"), authorization);
    assertTrue(authorization.contains("SignedHeaders=accept;content-type;host;x-amz-content-sha256;x-amz-date;x-amz-security-token"),
        authorization);
    assertEquals("session-token-LEAKCANARY-99", recorded.getHeaders().get("X-Amz-Security-Token"));
    assertEquals(resign(recorded, session), authorization, "what was sent is what was signed");
    assertFalse(authorization.contains(SECRET));
  }

  @Test
  void asksForCredentialsOnEveryAttempt() {
    AtomicInteger asked = new AtomicInteger();
    AwsCredentialsProvider counting = () -> {
      asked.incrementAndGet();
      return AwsBasicCredentials.create(KEY_ID, SECRET);
    };
    server.enqueue(errorResponse(503, errorBody("busy")));
    server.enqueue(streamResponse(textStream(List.of("ok"))));

    assertEquals("ok", run(BedrockProvider.create(options(server.url("/"), counting),
        ConnectorRuntime.defaults().withRetryWait(waits)), request(quick())).text());
    assertEquals(2, asked.get());
  }

  @Test
  void credentialsThatCannotBeResolvedAreAClearFinalError() {
    AwsCredentialsProvider none = () -> {
      throw new IllegalStateException("Unable to load credentials from any of the providers in the chain");
    };

    LlmError error = run(BedrockProvider.create(options(server.url("/"), none), ConnectorRuntime.defaults()),
        request(quick())).error();

    assertEquals("AWS credentials could not be resolved: Unable to load credentials from any of the providers"
        + " in the chain", error.message());
    assertFalse(error.retryable());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void sendsTheConverseBody() throws Exception {
    server.enqueue(streamResponse(textStream(List.of("ok"))));
    LlmRequest request = LlmRequest.of("req-tools", ChatContext.of(List.of(
            ChatMessage.of(ChatRole.SYSTEM, "Be brief."), ChatMessage.of(ChatRole.USER, "Weather?"))))
        .withTools(List.of(weatherTool())).withToolChoice(ToolChoice.REQUIRED)
        .withExtraOptions(Map.of("max_tokens", 256, "temperature", 0.5,
            "additionalModelRequestFields", Map.of("top_k", 40)));

    run(request);
    JsonNode body = json(takeRequest().getBody().utf8());

    assertEquals(json("[{\"role\": \"user\", \"content\": [{\"text\": \"Weather?\"}]}]"), body.get("messages"));
    assertEquals(json("[{\"text\": \"Be brief.\"}]"), body.get("system"));
    assertEquals(json("{\"maxTokens\": 256, \"temperature\": 0.5}"), body.get("inferenceConfig"));
    assertEquals(40, body.get("additionalModelRequestFields").get("top_k").asInt());
    assertEquals(json("""
        {"tools": [{"toolSpec": {"name": "get_weather", "description": "The weather in a city",
          "inputSchema": {"json": {"type": "object", "properties": {"city": {"type": "string"}},
          "required": ["city"]}}}}], "toolChoice": {"any": {}}}"""), body.get("toolConfig"));
  }

  @Test
  void anImageUrlIsAClearErrorBeforeAnythingIsSent() {
    ChatMessage withImage = new ChatMessage("item_img", ChatRole.USER, List.of(new TextContent("What is this?"),
        ImageContent.of("https://example.com/cat.png")), false, null, Map.of(), 1.0);

    LlmError error = run(LlmRequest.of("req-img", ChatContext.of(List.of(withImage)))
        .withConnectOptions(quick())).error();

    assertTrue(error.message().startsWith("invalid request:"), error.message());
    assertTrue(error.message().contains("external URL"), error.message());
    assertFalse(error.message().contains("example.com"), "no image URL in errors: " + error.message());
    assertFalse(error.retryable());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void assemblesAToolUseBlock() {
    server.enqueue(streamResponse(BedrockWire.messageStart() + BedrockWire.toolStart(0, "tooluse_01", "get_weather")
        + BedrockWire.toolDelta(0, "{\"city\":") + BedrockWire.toolDelta(0, "\"Paris\"}") + BedrockWire.blockStop(0)
        + BedrockWire.messageStop("tool_use") + BedrockWire.metadata(30, 9, 0, 0)));

    Transcript transcript = run(request(quick()));

    assertEquals(List.of(FunctionToolCall.of("get_weather", "{\"city\":\"Paris\"}", "tooluse_01")),
        transcript.toolCalls());
  }

  @Test
  void usageCountsCacheReadsAndWrites() {
    server.enqueue(streamResponse(BedrockWire.messageStart() + BedrockWire.textDelta(0, "ok")
        + BedrockWire.messageStop("end_turn") + BedrockWire.metadata(20, 5, 900, 100)));

    Transcript transcript = run(request(quick()));

    assertEquals(List.of(new CompletionUsage(5, 1020, 900, 100, 900, 1025, null)), transcript.usages());
    LlmMetrics metrics = transcript.metrics();
    assertEquals("bedrock", metrics.modelProvider());
    assertEquals("anthropic.claude-3-5-sonnet-20240620-v1:0", metrics.modelName());
  }

  @Test
  void aThrottlingExceptionInTheStreamIsRetried() {
    server.enqueue(streamResponse(preambleEvent() + BedrockWire.exception("throttlingException", "Too many requests")));
    server.enqueue(streamResponse(textStream(List.of("later"))));

    Transcript transcript = run(request(quick()));

    LlmError retry = transcript.retries().getFirst();
    assertEquals(429, retry.status());
    assertEquals("error in the provider stream: throttlingException: Too many requests", retry.message());
    assertEquals("later", transcript.text());
  }

  @ParameterizedTest(name = "{0} -> {1}, retryable {2}")
  @CsvSource({"validationException, 400, false", "modelStreamErrorException, 424, false",
      "internalServerException, 500, true", "serviceUnavailableException, 503, true"})
  void anExceptionInTheStreamTakesItsDocumentedStatus(String type, int status, boolean retryable) {
    server.enqueue(streamResponse(preambleEvent() + BedrockWire.exception(type, "it failed")));
    server.enqueue(streamResponse(textStream(List.of("ok"))));

    Transcript transcript = run(request(quick().withMaxRetry(1)));

    LlmError first = retryable ? transcript.retries().getFirst() : transcript.error();
    assertEquals(status, first.status());
    assertEquals(retryable, first.retryable());
  }

  @ParameterizedTest(name = "HTTP {0} {1} -> retryable {2}")
  @CsvSource({
      "400, ValidationException, false", "400, ServiceQuotaExceededException, false",
      "403, AccessDeniedException, false", "403, UnrecognizedClientException, false",
      "404, ResourceNotFoundException, false", "408, ModelTimeoutException, true",
      "424, ModelErrorException, false", "429, ThrottlingException, true", "429, ModelNotReadyException, true",
      "500, InternalServerException, true", "503, ServiceUnavailableException, true"})
  void mapsEveryDocumentedStatus(int status, String type, boolean retryable) {
    server.enqueue(errorResponse(status, errorBody("it failed")).newBuilder()
        .addHeader("x-amzn-ErrorType", type + ":http://internal.amazon.com/coral/com.amazon.bedrock/")
        .addHeader("x-amzn-RequestId", "a1b2c3").build());
    server.enqueue(streamResponse(textStream(List.of("ok"))));

    Transcript transcript = run(request(quick().withMaxRetry(1)));

    LlmError first = retryable ? transcript.retries().getFirst() : transcript.error();
    assertEquals(ErrorKind.STATUS, first.kind());
    assertEquals(status, first.status());
    assertEquals(retryable, first.retryable());
    assertEquals("HTTP " + status + ": " + type + ": it failed", first.message());
    assertEquals("a1b2c3", first.providerRequestId());
  }

  @Test
  void readsTheTypeFromTheBodyWhenTheHeaderIsMissing() {
    server.enqueue(errorResponse(429, "{\"__type\":\"com.amazon.coral.availability#ThrottlingException\","
        + "\"message\":\"Rate exceeded\"}"));
    server.enqueue(streamResponse(textStream(List.of("ok"))));

    assertEquals("HTTP 429: ThrottlingException: Rate exceeded", run(request(quick())).retries().getFirst().message());
  }

  @Test
  void aCorruptFrameIsAMalformedStreamThatIsRetried() {
    byte[] frame = encode(BedrockWire.textDelta(0, "x"));
    frame[frame.length - 1] ^= 0x5a;
    server.enqueue(streamResponse(preambleEvent() + new String(frame, StandardCharsets.ISO_8859_1)));
    server.enqueue(streamResponse(textStream(List.of("clean"))));

    Transcript transcript = run(request(quick()));

    assertTrue(transcript.retries().getFirst().message().startsWith("malformed AWS event stream"),
        transcript.retries().getFirst().message());
    assertEquals("clean", transcript.text());
  }

  @Test
  void aStreamEndingBeforeMessageStopIsRetried() {
    server.enqueue(streamResponse(preambleEvent()));
    server.enqueue(streamResponse(textStream(List.of("whole"))));

    Transcript transcript = run(request(quick()));

    assertEquals(ErrorKind.CONNECTION, transcript.retries().getFirst().kind());
    assertEquals("whole", transcript.text());
  }

  static BedrockOptions options(HttpUrl baseUrl, AwsCredentialsProvider credentials) {
    return BedrockOptions.of(null, "us-west-2").withBaseUrl(baseUrl.resolve("/").toString()).withCredentials(credentials);
  }

  private static AwsCredentialsProvider credentials() {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY_ID, SECRET));
  }

  /** Signs what the server received again, at the time it was signed: equal only if nothing signed changed. */
  private static String resign(RecordedRequest recorded, AwsCredentialsProvider credentials) {
    String date = recorded.getHeaders().get("X-Amz-Date");
    Instant signedAt = ZonedDateTime.parse(date, DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssX")).toInstant();
    SdkHttpRequest.Builder request = SdkHttpRequest.builder().method(SdkHttpMethod.POST)
        .uri(recorded.getUrl().uri());
    for (String name : List.of("Accept", "Content-Type")) {
      request.putHeader(name, recorded.getHeaders().get(name));
    }
    byte[] body = recorded.getBody().toByteArray();
    return AwsV4HttpSigner.create().sign(sign -> sign.identity(credentials.resolveCredentials())
            .request(request.build()).payload(ContentStreamProvider.fromByteArray(body))
            .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "bedrock")
            .putProperty(AwsV4HttpSigner.REGION_NAME, "us-west-2")
            .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(signedAt, ZoneOffset.UTC)))
        .request().firstMatchingHeader("Authorization").orElseThrow();
  }

  private static FunctionTool weatherTool() {
    return new FunctionTool("get_weather", "The weather in a city", (ObjectNode) json(
        "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]}"));
  }

  private static JsonNode json(String text) {
    try {
      return Json.mapper().readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
