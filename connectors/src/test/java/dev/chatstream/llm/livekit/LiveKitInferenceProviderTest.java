package dev.chatstream.llm.livekit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatstream.llm.LlmError;
import dev.chatstream.llm.LlmProvider;
import dev.chatstream.llm.internal.retry.ConnectorRuntime;
import dev.chatstream.llm.testing.HttpProviderContract;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class LiveKitInferenceProviderTest extends HttpProviderContract {

  private static final String API_KEY = "APIkeyLIVEKIT123";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  protected LlmProvider provider(HttpUrl baseUrl, ConnectorRuntime runtime) {
    return LiveKitInferenceProvider.create(options(baseUrl), runtime);
  }

  private static LiveKitInferenceOptions options(HttpUrl baseUrl) {
    return LiveKitInferenceOptions.of("openai/gpt-4.1-mini", API_KEY, SECRET).withBaseUrl(baseUrl.toString());
  }

  @Override
  protected String textStream(List<String> pieces) {
    StringBuilder body = new StringBuilder(event("{\"id\":\"lk\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}"));
    for (String piece : pieces) {
      body.append(event("{\"id\":\"lk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + piece + "\"}}]}"));
    }
    return body.append(event("{\"id\":\"lk\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}"))
        .append(event("{\"id\":\"lk\",\"choices\":[],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":"
            + pieces.size() + ",\"total_tokens\":" + (9 + pieces.size()) + "}}"))
        .append("data: [DONE]\n\n").toString();
  }

  @Override
  protected String firstTextEvent(String piece) {
    return event("{\"id\":\"lk\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"" + piece + "\"}}]}");
  }

  @Override
  protected String preambleEvent() {
    return event("{\"id\":\"lk\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\"}}]}");
  }

  @Override
  protected String errorBody(String message) {
    return "{\"error\":{\"message\":\"" + message + "\"}}";
  }

  private static String event(String json) {
    return "data: " + json + "\n\n";
  }

  @Test
  void signsAFreshTokenForEveryAttempt() throws Exception {
    server.enqueue(errorResponse(500, errorBody("retry me")));
    server.enqueue(streamResponse(textStream(List.of("ok"))));
    long start = Instant.now().getEpochSecond();
    AtomicLong seconds = new AtomicLong(start);
    Clock ticking = new Clock() {
      @Override
      public ZoneOffset getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return Instant.ofEpochSecond(seconds.getAndAdd(5));
      }
    };
    LlmProvider provider = LiveKitInferenceProvider.create(
        options(server.url("/v1")), ConnectorRuntime.defaults().withRetryWait(waits), ticking);

    String text = run(provider, request(quick())).text();
    DecodedJWT first = verified(takeRequest());
    DecodedJWT second = verified(takeRequest());

    assertEquals("ok", text);
    assertEquals(Instant.ofEpochSecond(start), first.getNotBeforeAsInstant());
    assertEquals(Instant.ofEpochSecond(start + 5), second.getNotBeforeAsInstant());
    assertNotEquals(first.getToken(), second.getToken());
  }

  @Test
  void theTokenCarriesTheInferenceGrant() throws Exception {
    server.enqueue(streamResponse(textStream(List.of("ok"))));

    run(request(quick()));
    DecodedJWT token = verified(takeRequest());

    assertEquals("agent", token.getSubject());
    assertEquals(API_KEY, token.getIssuer());
    assertEquals(Duration.ofSeconds(600), Duration.between(token.getNotBeforeAsInstant(), token.getExpiresAtAsInstant()));
    assertTrue(Math.abs(Duration.between(Instant.now(), token.getNotBeforeAsInstant()).toSeconds()) < 30);
    assertEquals(Map.of("perform", true), token.getClaim("inference").asMap());
    assertEquals("HS256", token.getAlgorithm());
  }

  @Test
  void namesTheUpstreamProviderWhenGiven() throws Exception {
    server.enqueue(streamResponse(textStream(List.of("ok"))));
    server.enqueue(streamResponse(textStream(List.of("ok"))));
    LlmProvider named = LiveKitInferenceProvider.create(options(server.url("/v1")).withProvider("openai"));

    run(named, request(quick()));
    run(request(quick()));

    assertEquals("openai", takeRequest().getHeaders().get("X-LiveKit-Inference-Provider"));
    assertNull(takeRequest().getHeaders().get("X-LiveKit-Inference-Provider"));
  }

  @Test
  void sendsTheModelVerbatimAndLetsPersistentOptionsWin() throws Exception {
    server.enqueue(streamResponse(textStream(List.of("ok"))));
    LlmProvider provider = LiveKitInferenceProvider.create(
        options(server.url("/v1")).withExtraOptions(Map.of("temperature", 0.2, "max_completion_tokens", 80)));

    run(provider, request(quick()).withExtraOptions(Map.of("temperature", 0.9, "top_p", 0.5)));
    RecordedRequest recorded = takeRequest();
    JsonNode body = JSON.readTree(recorded.getBody().utf8());

    assertEquals("/v1/chat/completions", recorded.getUrl().encodedPath());
    assertEquals("openai/gpt-4.1-mini", body.get("model").asText());
    assertEquals(0.2, body.get("temperature").asDouble());
    assertEquals(0.5, body.get("top_p").asDouble());
    assertEquals(80, body.get("max_completion_tokens").asInt());
    assertTrue(body.get("stream_options").get("include_usage").asBoolean());
  }

  @Test
  void dropsSamplingParametersForReasoningModelsWithoutChoosingAnEffort() throws Exception {
    server.enqueue(streamResponse(textStream(List.of("ok"))));

    run(request(quick()).withModel("openai/gpt-5-mini").withExtraOptions(Map.of("temperature", 0.9, "top_p", 0.5)));
    JsonNode body = JSON.readTree(takeRequest().getBody().utf8());

    assertEquals("openai/gpt-5-mini", body.get("model").asText());
    assertFalse(body.has("temperature"));
    assertFalse(body.has("top_p"));
    assertFalse(body.has("reasoning_effort"));
  }

  @Test
  void reportsTheLiveKitProviderInMetrics() {
    server.enqueue(streamResponse(textStream(List.of("ok"))));

    assertEquals("livekit", run(request(quick())).metrics().modelProvider());
  }

  @Test
  void neverLeaksTheTokenThroughAGatewayThatEchoesIt() throws Exception {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        String echoed = request.getHeaders().get("Authorization");
        return errorResponse(401, "{\"error\":{\"message\":\"invalid token: " + echoed + "\"}}");
      }
    });

    LlmError error = run(request(quick())).error();
    String token = takeRequest().getHeaders().get("Authorization").substring("Bearer ".length());

    assertFalse(error.message().contains(token), error.message());
    assertFalse(error.body().contains(token), error.body());
    assertEquals("HTTP 401: invalid token: [redacted]", error.message());
  }

  private static DecodedJWT verified(RecordedRequest recorded) {
    String authorization = recorded.getHeaders().get("Authorization");
    assertTrue(authorization.startsWith("Bearer "), authorization);
    return JWT.require(Algorithm.HMAC256(SECRET)).withIssuer(API_KEY).withSubject("agent").acceptLeeway(60).build()
        .verify(authorization.substring("Bearer ".length()));
  }
}
