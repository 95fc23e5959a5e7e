package dev.chatstream.pipeline.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatstream.events.FunctionCallEvent;
import dev.chatstream.events.LLMMetrics;
import dev.chatstream.events.ReplyCompleted;
import dev.chatstream.events.item.FunctionCall;
import dev.chatstream.llm.testing.Fixtures;
import dev.chatstream.pipeline.config.ChatstreamConfig;
import dev.chatstream.pipeline.config.LlmProfiles;
import dev.chatstream.pipeline.internals.llm.ProfileProviders;
import dev.chatstream.pipeline.testing.BrokerExtension;
import dev.chatstream.pipeline.testing.EventText;
import dev.chatstream.pipeline.testing.OutputLog;
import dev.chatstream.pipeline.testing.PipelineOnBroker;
import dev.chatstream.pipeline.testing.Recordings;
import dev.chatstream.pipeline.testing.ReplayServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A conversation with a tool round trip through each native provider, on a real broker: the profile
 * ({@code llm.default.provider=anthropic|google|bedrock|mistral}) is built by {@link ProfileProviders}
 * into the real connector, which talks to a loopback server replaying that vendor's recorded streams
 * (a tool call, then a text answer). The call comes out on the function-calls topic, the test appends its
 * output to the conversations topic, {@code auto_tool_reply} runs the next reply, and both replies end
 * with {@code ReplyCompleted} and metrics naming the provider and the model. The second request shows the
 * call and its output in the vendor's own format.
 */
@Timeout(90)
class NativeProvidersRoundTripTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SSE = "text/event-stream";

  @RegisterExtension
  static final BrokerExtension broker = new BrokerExtension();

  @Test
  void anthropicToolCallIsAnsweredThroughKafka() throws Exception {
    Trip trip = roundTrip(new Scenario("anthropic", "claude-sonnet-4-20250514", Map.of(
        "llm.default.api-key", "sk-ant-test-key"), Map.of(),
        tool("get_weather", "location"), "What is the weather in Paris?", "{\"sky\":\"sunny\",\"celsius\":24}",
        SSE, Fixtures.bytes("anthropic/messages-text-then-tool-use.sse"), Recordings.bytes("anthropic/messages-text.sse")));

    FunctionCall call = trip.call();
    assertEquals("get_weather", call.getName());
    assertEquals("{\"location\": \"Paris\"}", call.getArguments());
    assertEquals("toolu_01NRLabsLyVHZPKxbKvkfSMn", call.getCallId());
    assertEquals("I'll check the current weather in Paris for you.", EventText.of(trip.toolReply()));
    assertEquals("Hello there!", EventText.of(trip.answer()));
    assertTokens(trip.toolMetrics(), 65, 377);
    assertTokens(trip.answerMetrics(), 6, 11);

    assertEquals("/v1/messages", trip.first().getUrl().encodedPath());
    assertEquals("sk-ant-test-key", trip.first().getHeaders().get("x-api-key"));
    assertEquals("2023-06-01", trip.first().getHeaders().get("anthropic-version"));
    JsonNode first = ReplayServer.body(trip.first());
    assertEquals("claude-sonnet-4-20250514", first.get("model").asText());
    assertEquals(1024, first.get("max_tokens").asInt(), "the connector's default max_tokens");
    assertEquals("get_weather", first.at("/tools/0/name").asText());
    JsonNode second = ReplayServer.body(trip.second());
    assertEquals(JSON.readTree("""
        [{"role":"user","content":[{"type":"text","text":"What is the weather in Paris?"}]},
         {"role":"assistant","content":[{"type":"text","text":"I'll check the current weather in Paris for you."},
           {"type":"tool_use","id":"toolu_01NRLabsLyVHZPKxbKvkfSMn","name":"get_weather","input":{"location":"Paris"}}]},
         {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_01NRLabsLyVHZPKxbKvkfSMn",
           "content":"{\\"sky\\":\\"sunny\\",\\"celsius\\":24}","is_error":false}]}]"""), second.get("messages"));
  }

  @Test
  void googleToolCallKeepsItsThoughtSignatureThroughKafka() throws Exception {
    Trip trip = roundTrip(new Scenario("google", "gemini-3-pro-preview", Map.of(
        "llm.default.api-key", "gemini-test-key"), Map.of(),
        tool("get_country"), "Which country am I in?", "France",
        SSE, Fixtures.bytes("gemini/stream-function-call-thought-signature.sse"), Fixtures.bytes("gemini/stream-text.sse")));

    FunctionCall call = trip.call();
    assertEquals("get_country", call.getName());
    assertEquals("{}", call.getArguments());
    String signature = JSON.readTree(call.getExtra().get("google")).get("thought_signature").asText();
    assertTrue(signature.startsWith("EpwICpkIAXLI2nxl"), signature);
    assertNull(trip.toolReply().getMessage(), "the reply has no text");
    assertEquals("The temperature in Paris is 30°C.\n", EventText.of(trip.answer()));
    assertTokens(trip.toolMetrics(), 212, 29);
    assertTokens(trip.answerMetrics(), 12, 79);

    assertEquals("/v1beta/models/gemini-3-pro-preview:streamGenerateContent", trip.first().getUrl().encodedPath());
    assertEquals("alt=sse", trip.first().getUrl().encodedQuery());
    assertEquals("gemini-test-key", trip.first().getHeaders().get("x-goog-api-key"));
    assertEquals("get_country", ReplayServer.body(trip.first()).at("/tools/0/function_declarations/0/name").asText());
    JsonNode contents = ReplayServer.body(trip.second()).get("contents");
    JsonNode modelTurn = contents.get(1);
    assertEquals("model", modelTurn.get("role").asText());
    assertEquals("get_country", modelTurn.at("/parts/0/function_call/name").asText());
    assertEquals(signature, modelTurn.at("/parts/0/thought_signature").asText(), "the signature goes back with the call");
    assertEquals("France", contents.get(2).at("/parts/0/function_response/response/output").asText());
  }

  @Test
  void bedrockToolCallIsSignedWithTheEnvironmentsStaticCredentials() throws Exception {
    Trip trip = roundTrip(new Scenario("bedrock", "us.amazon.nova-micro-v1:0", Map.of(
        "llm.default.bedrock.region", "eu-west-1"),
        Map.of("AWS_ACCESS_KEY_ID", "AKIDPIPELINETEST", "AWS_SECRET_ACCESS_KEY", "pipeline-test-secret"),
        tool("get_temperature", "city"), "How warm is the capital of France?", "{\"celsius\":24}",
        "application/vnd.amazon.eventstream", Fixtures.bytes("bedrock/converse-stream-text-then-tool-use.eventstream"),
        Fixtures.bytes("bedrock/converse-stream-reasoning-then-text.eventstream")));

    FunctionCall call = trip.call();
    assertEquals("get_temperature", call.getName());
    assertEquals("{\"city\":\"Paris\"}", call.getArguments());
    assertEquals("tooluse_lAG_zP8QRHmSYOwZzzaCqA", call.getCallId());
    assertTrue(EventText.of(trip.toolReply()).contains("the temperature of the capital of France,"));
    assertEquals("Hello! It's nice to meet you. How can I help you today?", EventText.of(trip.answer()));
    assertTokens(trip.toolMetrics(), 91, 471);
    assertTokens(trip.answerMetrics(), 73, 36);

    assertEquals("/model/us.amazon.nova-micro-v1%3A0/converse-stream", trip.first().getUrl().encodedPath());
    String authorization = trip.first().getHeaders().get("Authorization");
    assertTrue(authorization.startsWith("AWS4-HMAC-SHA256 Credential=AKIDPIPELINETEST/"), authorization);
    assertTrue(authorization.contains("/eu-west-1/bedrock/aws4_request"), authorization);
    assertFalse(authorization.contains("pipeline-test-secret"), authorization);
    assertEquals("get_temperature", ReplayServer.body(trip.first()).at("/toolConfig/tools/0/toolSpec/name").asText());
    JsonNode messages = ReplayServer.body(trip.second()).get("messages");
    assertEquals("tooluse_lAG_zP8QRHmSYOwZzzaCqA", messages.get(1).at("/content/1/toolUse/toolUseId").asText());
    assertEquals(JSON.readTree("{\"city\":\"Paris\"}"), messages.get(1).at("/content/1/toolUse/input"));
    assertEquals(JSON.readTree("""
        {"role":"user","content":[{"toolResult":{"toolUseId":"tooluse_lAG_zP8QRHmSYOwZzzaCqA",
          "content":[{"text":"{\\"celsius\\":24}"}],"status":"success"}}]}"""), messages.get(2));
  }

  @Test
  void mistralToolCallKeepsItsNineCharacterIdThroughKafka() throws Exception {
    Trip trip = roundTrip(new Scenario("mistral", "mistral-small-latest", Map.of(
        "llm.default.api-key", "mistral-test-key", "llm.default.base-url", "/v1"), Map.of(),
        tool("weather", "location"), "What is the weather in San Francisco?", "foggy",
        SSE, mistralStream("mistral/chat-tool-call.chunks.txt"), mistralStream("mistral/chat-text.chunks.txt")));

    FunctionCall call = trip.call();
    assertEquals("weather", call.getName());
    assertEquals("{\"location\": \"San Francisco\"}", call.getArguments());
    assertEquals("gSIMJiOkT", call.getCallId());
    assertTrue(EventText.of(trip.answer()).endsWith(" is a test response."), EventText.of(trip.answer()));
    assertTokens(trip.toolMetrics(), 22, 124);
    assertTokens(trip.answerMetrics(), 8, 13);

    assertEquals("/v1/chat/completions", trip.first().getUrl().encodedPath());
    assertEquals("Bearer mistral-test-key", trip.first().getHeaders().get("Authorization"));
    JsonNode first = ReplayServer.body(trip.first());
    assertEquals("weather", first.at("/tools/0/function/name").asText());
    assertFalse(first.has("stream_options"), "Mistral rejects fields it does not know");
    JsonNode messages = ReplayServer.body(trip.second()).get("messages");
    assertEquals("gSIMJiOkT", messages.get(2).at("/tool_calls/0/id").asText());
    assertEquals("weather", messages.get(2).at("/tool_calls/0/function/name").asText());
    assertEquals("tool", messages.get(3).get("role").asText());
    assertEquals("gSIMJiOkT", messages.get(3).get("tool_call_id").asText());
    assertEquals("foggy", messages.get(3).get("content").asText());
  }

  /**
   * One provider's conversation.
   *
   * @param provider the profile's provider, also the name metrics carry
   * @param model the profile's model
   * @param profile more {@code llm.default.*} settings; a {@code base-url} here is a path on the replay server
   * @param environment the environment the profile is read with
   * @param tool the one tool offered
   * @param question the user's message
   * @param output what the tool returns
   * @param contentType the content type of the recorded responses
   * @param toolCallStream the recorded response with the tool call
   * @param answerStream the recorded response answering after the tool output
   */
  private record Scenario(String provider, String model, Map<String, String> profile, Map<String, String> environment,
      String tool, String question, String output, String contentType, byte[] toolCallStream, byte[] answerStream) {}

  /** What came out of a round trip, and the two requests the provider received. */
  private record Trip(FunctionCall call, ReplyCompleted toolReply, ReplyCompleted answer, LLMMetrics toolMetrics,
      LLMMetrics answerMetrics, RecordedRequest first, RecordedRequest second) {}

  private static Trip roundTrip(Scenario scenario) {
    try (ReplayServer llm = ReplayServer.start().then(scenario.contentType(), scenario.toolCallStream())
            .then(scenario.contentType(), scenario.answerStream());
        PipelineOnBroker pipeline = PipelineOnBroker.create(broker.kafka(), broker.dir().resolve(scenario.provider()),
            scenario.provider(), profileSettings(scenario, llm))) {
      LlmProfiles profiles = ChatstreamConfig.sources().environment(scenario.environment())
          .overrides(pipeline.settings()).load().llmProfiles();
      pipeline.awaitRunning(pipeline.start(ProfileProviders.registry(profiles)));

      pipeline.send("""
          {"type":"message","conversation_id":"c1","role":"system","content":["You answer briefly."]}""");
      pipeline.send("""
          {"type":"message","conversation_id":"c1","role":"user","content":[%s]}"""
          .formatted(quoted(scenario.question())));
      pipeline.send("""
          {"type":"generate_reply","conversation_id":"c1","request_id":"r1","auto_tool_reply":true,"tools":[%s]}"""
          .formatted(scenario.tool()));
      OutputLog out = pipeline.outputs();

      FunctionCallEvent callEvent = out.awaitEvent(FunctionCallEvent.class, e -> true, WAIT, "the function call");
      FunctionCall call = callEvent.getFunctionCall();
      assertEquals("r1", callEvent.getRequestId());
      ReplyCompleted toolReply = out.awaitEvent(ReplyCompleted.class, r -> r.getRequestId().equals("r1"), WAIT,
          "the reply asking for the tool");
      assertEquals("tool_calls", toolReply.getFinishReason());
      assertEquals(List.of(call), toolReply.getFunctionCalls());

      pipeline.send("""
          {"type":"function_call_output","conversation_id":"c1","call_id":%s,"name":%s,"output":%s,"is_error":false}"""
          .formatted(quoted(call.getCallId()), quoted(call.getName()), quoted(scenario.output())));

      ReplyCompleted answer = out.awaitEvent(ReplyCompleted.class, r -> r.getRequestId().equals("r1/tool-1"), WAIT,
          "the automatic reply after the tool output");
      assertEquals("stop", answer.getFinishReason());
      assertEquals(List.of(), answer.getFunctionCalls());
      assertEquals(EventText.of(answer), EventText.of(out.awaitChunksOf(answer, WAIT)), "the chunks make the reply");

      out.awaitUntil(WAIT, "metrics of both replies", log -> log.events(LLMMetrics.class).size() == 2);
      LLMMetrics toolMetrics = out.events(LLMMetrics.class, m -> m.getRequestId().equals("r1")).get(0);
      LLMMetrics answerMetrics = out.events(LLMMetrics.class, m -> m.getRequestId().equals("r1/tool-1")).get(0);
      for (LLMMetrics metrics : List.of(toolMetrics, answerMetrics)) {
        assertEquals(scenario.provider(), metrics.getMetadata().getModelProvider());
        assertEquals(scenario.model(), metrics.getMetadata().getModelName());
        assertEquals(scenario.provider() + ".LLM", metrics.getLabel());
        assertFalse(metrics.getCancelled());
        assertTrue(metrics.getTtft() >= 0, "ttft " + metrics.getTtft());
      }
      RecordedRequest first = llm.takeRequest();
      RecordedRequest second = llm.takeRequest();
      assertEquals(2, llm.requestCount());
      return new Trip(call, toolReply, answer, toolMetrics, answerMetrics, first, second);
    }
  }

  private static Map<String, String> profileSettings(Scenario scenario, ReplayServer llm) {
    Map<String, String> settings = new HashMap<>(scenario.profile());
    settings.put("llm.default.base-url", llm.url(settings.getOrDefault("llm.default.base-url", "/")));
    settings.put("llm.default.provider", scenario.provider());
    settings.put("llm.default.model", scenario.model());
    settings.put("llm.default.max-retry", "0");
    return settings;
  }

  /** A function tool whose parameters are the named string properties, all required. */
  private static String tool(String name, String... properties) {
    StringBuilder schema = new StringBuilder("{\"type\":\"object\",\"properties\":{");
    for (int i = 0; i < properties.length; i++) {
      schema.append(i > 0 ? "," : "").append(quoted(properties[i])).append(":{\"type\":\"string\"}");
    }
    schema.append("},\"required\":[");
    for (int i = 0; i < properties.length; i++) {
      schema.append(i > 0 ? "," : "").append(quoted(properties[i]));
    }
    return "{\"name\":" + quoted(name) + ",\"description\":\"A test tool\",\"parameters\":" + schema + "]}}";
  }

  /**
   * A Mistral stream from a recording that holds one chunk's JSON per line: each line framed as
   * {@code data: <line>} and a blank line, ended with {@code data: [DONE]}, as the API sends them.
   */
  private static byte[] mistralStream(String fixture) {
    StringBuilder sse = new StringBuilder();
    Fixtures.text(fixture).lines().filter(line -> !line.isBlank())
        .forEach(line -> sse.append("data: ").append(line).append("\n\n"));
    return sse.append("data: [DONE]\n\n").toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void assertTokens(LLMMetrics metrics, int completion, int prompt) {
    assertEquals(List.of(completion, prompt), List.of(metrics.getCompletionTokens(), metrics.getPromptTokens()));
  }

  private static String quoted(String text) {
    try {
      return JSON.writeValueAsString(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
