package dev.chatstream.llm.internal.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatstream.llm.ApiStatusException;
import dev.chatstream.llm.ErrorKind;
import dev.chatstream.llm.LlmException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExceptionMapperTest {

  private static final String KEY = "sk-test-MAPPER-CANARY-0123456789";
  private final ExceptionMapper mapper = ExceptionMapper.redacting(List.of(KEY));

  @ParameterizedTest(name = "HTTP {0} -> retryable {1}")
  @CsvSource({
      "400, false", "401, false", "403, false", "404, false", "408, true", "409, false", "413, false",
      "422, false", "429, true", "499, true", "500, true", "502, true", "503, true", "504, true", "529, true"})
  void mapsEveryHttpStatusToAStatusErrorWithItsRetryability(int status, boolean retryable) {
    ApiStatusException error = mapper.fromResponse(response(status, "{\"error\":{\"message\":\"boom\"}}"));

    assertEquals(ErrorKind.STATUS, error.kind());
    assertEquals(status, error.status());
    assertEquals(retryable, error.retryable());
    assertEquals("HTTP " + status + ": boom", error.getMessage());
  }

  @Test
  void keepsTheBodyAndTheRequestIdOfAnErrorResponse() {
    Response response = response(400, "{\"error\":{\"message\":\"bad stop\",\"param\":\"stop\"}}").newBuilder()
        .header("x-request-id", "req_123").build();

    ApiStatusException error = mapper.fromResponse(response);

    assertEquals("req_123", error.providerRequestId());
    assertEquals("{\"error\":{\"message\":\"bad stop\",\"param\":\"stop\"}}", error.body());
  }

  @Test
  void readsAzureRequestIds() {
    Response response = response(400, "{}").newBuilder().header("apim-request-id", "apim-1").build();

    assertEquals("apim-1", mapper.fromResponse(response).providerRequestId());
  }

  @Test
  void usesTheReasonPhraseWhenTheBodyIsNotJson() {
    ApiStatusException error = mapper.fromResponse(response(502, "<html>bad gateway</html>"));

    assertEquals("HTTP 502: Service Unavailable", error.getMessage());
    assertEquals("<html>bad gateway</html>", error.body());
  }

  @Test
  void cutsLongErrorBodies() {
    ApiStatusException error = mapper.fromResponse(response(500, "x".repeat(100_000)));

    assertEquals(ExceptionMapper.MAX_BODY_BYTES, error.body().length());
  }

  @Test
  void readsRetryAfterOnlyForRateLimits() {
    Response limited = response(429, "{}").newBuilder().header("Retry-After", "3").build();
    Response unavailable = response(503, "{}").newBuilder().header("Retry-After", "3").build();

    assertEquals(Duration.ofSeconds(3), mapper.fromResponse(limited).retryAfter());
    assertNull(mapper.fromResponse(unavailable).retryAfter());
  }

  @Test
  void masksSecretsInErrorBodiesAndMessages() {
    ApiStatusException error = mapper.fromResponse(
        response(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + "\"}}"));

    assertFalse(error.getMessage().contains(KEY), error.getMessage());
    assertFalse(error.body().contains(KEY), error.body());
    assertTrue(error.getMessage().contains("[redacted]"));
  }

  @Test
  void mapsTimeoutsToTimeoutErrors() {
    assertEquals(ErrorKind.TIMEOUT, mapper.map(new SocketTimeoutException("timeout")).kind());
    assertEquals(ErrorKind.TIMEOUT, mapper.map(new InterruptedIOException("timeout")).kind());
    assertTrue(mapper.map(new SocketTimeoutException("Read timed out")).retryable());
  }

  @Test
  void mapsOtherTransportFailuresToConnectionErrors() {
    LlmException refused = mapper.map(new ConnectException("Connection refused"));
    LlmException reset = mapper.map(new IOException("unexpected end of stream"));

    assertEquals(ErrorKind.CONNECTION, refused.kind());
    assertEquals(ErrorKind.CONNECTION, reset.kind());
    assertTrue(reset.retryable());
    assertEquals("connection error: IOException: unexpected end of stream", reset.getMessage());
  }

  @Test
  void mapsMalformedJsonToARetryableStreamError() {
    JsonProcessingException malformed = assertInstanceOf(JsonProcessingException.class,
        org.junit.jupiter.api.Assertions.assertThrows(JsonProcessingException.class,
            () -> new ObjectMapper().readTree("{\"id\": ")));

    LlmException error = mapper.map(malformed);

    assertEquals(ErrorKind.OTHER, error.kind());
    assertTrue(error.retryable());
    assertTrue(error.getMessage().startsWith("malformed JSON in the provider stream"), error.getMessage());
  }

  @Test
  void mapsARequestThatCannotBeBuiltToAFinalError() {
    LlmException error = mapper.map(new IllegalArgumentException("duplicate tool name 'x'"));

    assertEquals(ErrorKind.OTHER, error.kind());
    assertFalse(error.retryable());
    assertEquals("invalid request: duplicate tool name 'x'", error.getMessage());
  }

  @Test
  void passesProviderErrorsThrough() {
    LlmException known = new ApiStatusException("x", 500, null, null, null);

    assertSame(known, mapper.map(known));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "{\"error\":{\"message\":\"m\",\"status_code\":400}} | 400",
      "{\"error\":{\"message\":\"m\",\"status\":503}}      | 503",
      "{\"error\":{\"message\":\"m\",\"code\":429}}        | 429",
      "{\"error\":{\"message\":\"m\",\"code\":\"502\"}}    | 502",
      "{\"error\":{\"message\":\"m\",\"code\":\"tool_use_failed\"}} | -1",
      "{\"message\":\"m\",\"status_code\":500}             | 500"})
  void readsTheStatusOfAStreamErrorWhenThereIsOne(String json, int status) throws Exception {
    ApiStatusException error = mapper.fromStreamError(new ObjectMapper().readTree(json), "req_9");

    assertEquals(status == -1 ? null : status, error.status());
    assertEquals("error in the provider stream: m", error.getMessage());
    assertEquals("req_9", error.providerRequestId());
  }

  @Test
  void aStreamErrorWithoutAStatusIsRetryable() throws Exception {
    ApiStatusException error = mapper.fromStreamError(new ObjectMapper().readTree("{\"error\":{\"message\":\"m\"}}"), null);

    assertTrue(error.retryable());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"x-request-id", "apim-request-id", "request-id", "x-amzn-RequestId", "mistral-correlation-id"})
  void readsTheRequestIdHeaderOfEveryProvider(String header) {
    Response response = response(500, "{}").newBuilder().header(header, "id-7").build();

    assertEquals("id-7", mapper.fromResponse(response).providerRequestId());
  }

  @Test
  void aProviderDialectReadsTheDetailAndTheBodyStaysRedacted() {
    ErrorDialect dialect = (headers, body) -> headers.get("x-error-type") + ": " + body.path("Message").asText();
    Response response = response(403, "{\"Message\":\"key " + KEY + " denied\"}").newBuilder()
        .header("x-error-type", "AccessDenied").build();

    ApiStatusException error = mapper.fromResponse(response, dialect);

    assertEquals("HTTP 403: AccessDenied: key [redacted] denied", error.getMessage());
    assertFalse(error.body().contains(KEY));
    assertFalse(error.retryable());
  }

  @Test
  void aDialectSeesAMissingNodeWhenTheBodyIsNotJson() {
    ErrorDialect dialect = (headers, body) -> body.isMissingNode() ? null : "json";

    assertEquals("HTTP 502: Service Unavailable", mapper.fromResponse(response(502, "<html/>"), dialect).getMessage());
  }

  @Test
  void aStreamErrorTakesTheStatusOfTheProvidersTable() {
    ApiStatusException overloaded = mapper.streamError("Overloaded " + KEY, 529, "req_9", "{\"k\":\"" + KEY + "\"}");

    assertEquals(529, overloaded.status());
    assertTrue(overloaded.retryable());
    assertEquals("error in the provider stream: Overloaded [redacted]", overloaded.getMessage());
    assertEquals("{\"k\":\"[redacted]\"}", overloaded.body());
    assertEquals("req_9", overloaded.providerRequestId());
    assertFalse(mapper.streamError("bad", 400, null, null).retryable());
  }

  private static Response response(int code, String body) {
    return new Response.Builder()
        .request(new Request.Builder().url("http://localhost/v1/chat/completions").build())
        .protocol(Protocol.HTTP_1_1)
        .code(code)
        .message(code == 502 ? "Service Unavailable" : "Error")
        .body(ResponseBody.create(body, MediaType.get("application/json")))
        .build();
  }
}
