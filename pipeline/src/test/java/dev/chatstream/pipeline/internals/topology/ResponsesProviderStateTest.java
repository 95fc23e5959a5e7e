package dev.chatstream.pipeline.internals.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatstream.events.LLMError;
import dev.chatstream.events.ReplyCompleted;
import dev.chatstream.events.item.TextContent;
import dev.chatstream.llm.ConnectOptions;
import dev.chatstream.llm.LlmProvider;
import dev.chatstream.llm.internal.retry.ConnectorRuntime;
import dev.chatstream.llm.openai.OpenAiResponsesOptions;
import dev.chatstream.llm.openai.OpenAiResponsesProvider;
import dev.chatstream.llm.openai.ResponsesState;
import dev.chatstream.llm.state.ProviderConversation;
import dev.chatstream.llm.state.ResponseChain;
import dev.chatstream.llm.testing.FakeConversationsApi;
import dev.chatstream.llm.testing.RecordingRetryWait;
import dev.chatstream.llm.testing.ResponsesSocketServer;
import dev.chatstream.llm.testing.ResponsesWire;
import dev.chatstream.pipeline.Topics;
import dev.chatstream.pipeline.internals.llm.ProviderRegistry;
import dev.chatstream.pipeline.testing.TopologyHarness;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mockwebserver3.MockResponse;
import okhttp3.HttpUrl;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The pipeline with real Responses connectors against loopback servers: what the conversation header
 * keeps of the provider's state, and the exact input each request sends because of it.
 */
class ResponsesProviderStateTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String WEATHER_TOOL = """
      {"name":"get_weather","description":"The weather in a city",
       "parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}""";

  private final ResponsesSocketServer server = new ResponsesSocketServer();
  private final List<ReplyCompleted> replies = new ArrayList<>();
  private final List<LLMError> errors = new ArrayList<>();
  private TopologyHarness harness;

  @AfterEach
  void close() {
    if (harness != null) {
      harness.close();
    }
    server.close();
  }

  @Test
  void turnsOneToFourWithAToolRoundTripSendOnlyWhatIsNew() {
    harness = harness(registry(responses(server.url("/v1"), ResponsesState.PREVIOUS_RESPONSE)));
    reply(ResponsesWire.textReply("resp_1", List.of("Hi! How can I help?")));
    reply(ResponsesWire.callReply("resp_2", "call_w", "get_weather", "{\"city\":\"Lisbon\"}"));
    reply(ResponsesWire.textReply("resp_3", List.of("Sunny in Lisbon.")));
    reply(ResponsesWire.textReply("resp_4", List.of("You're welcome.")));

    say("u1", "Hello");
    generate("r1", "");
    awaitReply("r1");
    say("u2", "Weather in Lisbon?");
    generate("r2", ",\"auto_tool_reply\":true,\"tools\":[" + WEATHER_TOOL + "]");
    awaitReply("r2");
    harness.send("""
        {"type":"function_call_output","conversation_id":"c","id":"o1","call_id":"call_w","name":"get_weather",
         "output":"sunny, 24","is_error":false}""");
    awaitReply("r2/tool-1");
    say("u4", "Thanks");
    generate("r4", "");
    assertEquals("You're welcome.", text(awaitReply("r4")));

    assertEquals(json("[" + user("Hello") + "]"), post(0).get("input"));
    assertFalse(post(0).has("previous_response_id"));
    assertEquals(json("[" + user("Weather in Lisbon?") + "]"), post(1).get("input"));
    assertEquals("resp_1", post(1).get("previous_response_id").asText());
    assertEquals("get_weather", post(1).at("/tools/0/name").asText());
    assertEquals(json("[{\"type\":\"function_call_output\",\"call_id\":\"call_w\",\"output\":\"sunny, 24\"}]"),
        post(2).get("input"));
    assertEquals("resp_2", post(2).get("previous_response_id").asText());
    assertEquals(json("[" + user("Thanks") + "]"), post(3).get("input"));
    assertEquals("resp_3", post(3).get("previous_response_id").asText());
    ResponseChain chain = assertInstanceOf(ResponseChain.class,
        harness.conversationStore().providerState("c", "default").orElseThrow());
    assertEquals("resp_4", chain.responseId());
    assertEquals(7, chain.coveredInputs(), "r4 saw u1, r1's reply, u2, the call, its output, r2/tool-1's reply, u4");
    assertEquals(replyIdOf("r4"), chain.replyId());
    assertEquals(List.of(), errors);
  }

  @Test
  void afterATruncateTheFullInputIsSent() {
    harness = harness(registry(responses(server.url("/v1"), ResponsesState.PREVIOUS_RESPONSE)));
    reply(ResponsesWire.textReply("resp_1", List.of("one")));
    reply(ResponsesWire.textReply("resp_2", List.of("two")));
    reply(ResponsesWire.textReply("resp_3", List.of("three")));
    say("u1", "first");
    generate("r1", "");
    awaitReply("r1");
    say("u2", "second");
    generate("r2", "");
    awaitReply("r2");

    harness.send("{\"type\":\"truncate\",\"conversation_id\":\"c\",\"max_items\":2}");
    say("u3", "third");
    generate("r3", "");
    awaitReply("r3");

    assertEquals("resp_1", post(1).get("previous_response_id").asText());
    assertEquals(json("[" + user("second") + "," + assistant("two") + "," + user("third") + "]"),
        post(2).get("input"));
    assertFalse(post(2).has("previous_response_id"));
  }

  @Test
  void previousResponseNotFoundSendsTheFullInputOnceWithoutAnErrorEvent() {
    harness = harness(registry(responses(server.url("/v1"), ResponsesState.PREVIOUS_RESPONSE)));
    reply(ResponsesWire.textReply("resp_1", List.of("one")));
    server.enqueueHttp(new MockResponse.Builder().code(400).addHeader("Content-Type", "application/json")
        .body(ResponsesWire.errorBody("Previous response with id 'resp_1' not found.", "previous_response_not_found"))
        .build());
    reply(ResponsesWire.textReply("resp_2", List.of("two")));
    say("u1", "first");
    generate("r1", "");
    awaitReply("r1");

    say("u2", "second");
    generate("r2", "");
    assertEquals("two", text(awaitReply("r2")));

    assertEquals("resp_1", post(1).get("previous_response_id").asText());
    assertFalse(post(2).has("previous_response_id"));
    assertEquals(json("[" + user("first") + "," + assistant("one") + "," + user("second") + "]"),
        post(2).get("input"));
    assertEquals(List.of(), errors);
    assertEquals("resp_2", ((ResponseChain) harness.conversationStore().providerState("c", "default").orElseThrow())
        .responseId());
  }

  @Test
  void anotherProfileSendsTheFullInputAndKeepsItsOwnState() {
    LlmProvider first = responses(server.url("/v1"), ResponsesState.PREVIOUS_RESPONSE);
    LlmProvider second = responses(server.url("/v1"), ResponsesState.PREVIOUS_RESPONSE);
    harness = harness(ProviderRegistry.builder("default").add("default", first, ConnectOptions.defaults())
        .add("other", second, ConnectOptions.defaults()).build());
    reply(ResponsesWire.textReply("resp_1", List.of("one")));
    reply(ResponsesWire.textReply("resp_2", List.of("two")));
    say("u1", "first");
    generate("r1", "");
    awaitReply("r1");

    say("u2", "second");
    generate("r2", ",\"llm\":\"other\"");
    awaitReply("r2");

    assertFalse(post(1).has("previous_response_id"));
    assertEquals(3, post(1).get("input").size());
    assertEquals("resp_2", ((ResponseChain) harness.conversationStore().providerState("c", "other").orElseThrow())
        .responseId());
    assertTrue(harness.conversationStore().providerState("c", "default").isEmpty());
  }

  @Test
  void aProviderConversationIsSyncedFromTheItemIdsKeptBesideTheHeader() {
    try (FakeConversationsApi api = new FakeConversationsApi()) {
      harness = harness(registry(responses(api.url("/v1"), ResponsesState.CONVERSATION)));
      for (int turn = 1; turn <= 3; turn++) {
        api.enqueueReply(ResponsesWire.textReply("resp_" + turn, List.of("answer " + turn)));
        say("u" + turn, "question " + turn);
        generate("r" + turn, "");
        awaitReply("r" + turn);
      }
      ProviderConversation kept = (ProviderConversation) harness.conversationStore().providerState("c", "default")
          .orElseThrow();
      assertEquals(6, kept.items().size());
      api.clearCalls();

      harness.send("{\"type\":\"truncate\",\"conversation_id\":\"c\",\"max_items\":3}");
      api.enqueueReply(ResponsesWire.textReply("resp_4", List.of("answer 4")));
      say("u4", "question 4");
      generate("r4", "");
      awaitReply("r4");

      List<String> lines = api.callLines();
      assertEquals(Set.of("DELETE /v1/conversations/conv_1/items/" + kept.items().get("u1").getFirst(),
          "DELETE /v1/conversations/conv_1/items/" + kept.items().get(replyIdOf("r1")).getFirst(),
          "DELETE /v1/conversations/conv_1/items/" + kept.items().get("u2").getFirst()),
          Set.copyOf(lines.subList(0, 3)));
      assertEquals(List.of("POST /v1/conversations/conv_1/items", "POST /v1/responses"), lines.subList(3, 5));
      assertEquals(List.of("assistant:answer 2", "user:question 3", "assistant:answer 3", "user:question 4",
          "assistant:answer 4"), api.transcript("conv_1"));
      assertEquals(5, ((ProviderConversation) harness.conversationStore().providerState("c", "default")
          .orElseThrow()).items().size());
    }
  }

  private TopologyHarness harness(ProviderRegistry registry) {
    return new TopologyHarness(Map.of(), registry);
  }

  private static ProviderRegistry registry(LlmProvider provider) {
    return ProviderRegistry.builder("default").add("default", provider, ConnectOptions.defaults()).build();
  }

  private static LlmProvider responses(HttpUrl baseUrl, ResponsesState state) {
    return OpenAiResponsesProvider.create(OpenAiResponsesOptions.of("sk-pipeline-test-000", "gpt-4.1-mini")
        .withBaseUrl(baseUrl.toString()).withWebSocket(false).withState(state),
        ConnectorRuntime.defaults().withRetryWait(new RecordingRetryWait()));
  }

  private void reply(List<String> events) {
    server.enqueueHttp(new MockResponse.Builder().addHeader("Content-Type", "text/event-stream")
        .body(ResponsesWire.sse(events)).build());
  }

  private void say(String id, String text) {
    harness.send("{\"type\":\"message\",\"conversation_id\":\"c\",\"id\":\"" + id + "\",\"role\":\"user\","
        + "\"content\":[\"" + text + "\"]}");
  }

  private void generate(String requestId, String more) {
    harness.send("{\"type\":\"generate_reply\",\"conversation_id\":\"c\",\"request_id\":\"" + requestId + "\""
        + more + "}");
  }

  private ReplyCompleted awaitReply(String requestId) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      harness.drain();
      for (SpecificRecord record : harness.read(Topics.REPLIES)) {
        replies.add((ReplyCompleted) record);
      }
      for (SpecificRecord record : harness.read(Topics.ERRORS)) {
        errors.add((LLMError) record);
      }
      for (ReplyCompleted reply : replies) {
        if (reply.getRequestId().equals(requestId)) {
          return reply;
        }
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("no reply to " + requestId + " within " + WAIT + "; errors: " + errors);
  }

  private String replyIdOf(String requestId) {
    return replies.stream().filter(reply -> reply.getRequestId().equals(requestId)).findFirst().orElseThrow()
        .getMessage().getId();
  }

  private JsonNode post(int index) {
    return ResponsesWire.read(server.posts().get(index).getBody().utf8());
  }

  private static String text(ReplyCompleted reply) {
    return ((TextContent) reply.getMessage().getContent().get(0)).getText();
  }

  private static String user(String text) {
    return "{\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\"" + text + "\"}]}";
  }

  private static String assistant(String text) {
    return "{\"role\":\"assistant\",\"content\":[{\"type\":\"output_text\",\"text\":\"" + text + "\"}]}";
  }

  private static JsonNode json(String text) {
    return ResponsesWire.read(text);
  }
}
