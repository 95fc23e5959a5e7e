package dev.chatstream.llm.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.chatstream.llm.LlmProvider;
import dev.chatstream.llm.chat.ChatMessage;
import dev.chatstream.llm.chat.ChatRole;
import dev.chatstream.llm.chat.TextContent;
import dev.chatstream.llm.internal.retry.ConnectorRuntime;
import dev.chatstream.llm.state.ProviderState;
import dev.chatstream.llm.state.ResponseChain;
import dev.chatstream.llm.testing.ConversationDriver;
import dev.chatstream.llm.testing.RecordingRetryWait;
import dev.chatstream.llm.testing.ResponsesSocketServer;
import dev.chatstream.llm.testing.ResponsesSocketServer.Script;
import dev.chatstream.llm.testing.ResponsesWire;
import dev.chatstream.llm.testing.Transcript;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code previous_response_id} over a loopback server: the exact {@code input} each turn sends, and
 * every case that must send the full input instead.
 */
class PreviousResponseIdTest {

  private final ResponsesSocketServer server = new ResponsesSocketServer();
  private final RecordingRetryWait waits = new RecordingRetryWait();
  private final ConversationDriver conversation = new ConversationDriver();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void turnsOneToFourSendOnlyWhatIsNewAfterThePreviousResponse() throws Exception {
    LlmProvider provider = provider(http());

    reply(ResponsesWire.textReply("resp_1", List.of("Hi! ", "How can I help?")));
    conversation.user("u1", "Hello").generate(provider);
    reply(ResponsesWire.callReply("resp_2", "call_w", "get_weather", "{\"city\":\"Paris\"}"));
    conversation.user("u2", "Weather in Paris?").generate(provider);
    reply(ResponsesWire.textReply("resp_3", List.of("Sunny, 24 °C.")));
    conversation.output("o1", "call_w", "get_weather", "sunny, 24").generate(provider);
    reply(ResponsesWire.textReply("resp_4", List.of("You're welcome.")));
    Transcript fourth = conversation.user("u4", "Thanks").generate(provider);

    JsonNode first = post(0);
    assertEquals(json("[" + user("Hello") + "]"), first.get("input"));
    assertFalse(first.has("previous_response_id"));
    JsonNode second = post(1);
    assertEquals(json("[" + user("Weather in Paris?") + "]"), second.get("input"));
    assertEquals("resp_1", second.get("previous_response_id").asText());
    JsonNode third = post(2);
    assertEquals(json("[{\"type\":\"function_call_output\",\"call_id\":\"call_w\",\"output\":\"sunny, 24\"}]"),
        third.get("input"));
    assertEquals("resp_2", third.get("previous_response_id").asText());
    JsonNode last = post(3);
    assertEquals(json("[" + user("Thanks") + "]"), last.get("input"));
    assertEquals("resp_3", last.get("previous_response_id").asText());
    ResponseChain chain = assertInstanceOf(ResponseChain.class, fourth.lastState());
    assertEquals("resp_4", chain.responseId());
    assertEquals(server.url("/v1").toString().replaceAll("/$", ""), chain.endpoint());
    assertEquals("gpt-4.1-mini", chain.model());
    assertEquals(7, chain.coveredInputs(), "u1, reply_1, u2, its call, the output, reply_3, u4");
    assertEquals("reply_4", chain.replyId());
    assertEquals(1, chain.replyItems());
  }

  @Test
  void afterATruncateTheFullInputIsSentAndTheChainStartsOver() throws Exception {
    LlmProvider provider = provider(http());
    reply(ResponsesWire.textReply("resp_1", List.of("one")));
    conversation.user("u1", "first").generate(provider);
    reply(ResponsesWire.textReply("resp_2", List.of("two")));
    conversation.user("u2", "second").generate(provider);

    conversation.context().truncate(2);
    reply(ResponsesWire.textReply("resp_3", List.of("three")));
    Transcript afterTruncate = conversation.user("u3", "third").generate(provider);

    JsonNode sent = post(2);
    assertEquals(json("[" + user("second") + "," + assistant("two") + "," + user("third") + "]"), sent.get("input"));
    assertFalse(sent.has("previous_response_id"));
    assertEquals("resp_3", ((ResponseChain) afterTruncate.lastState()).responseId());
    reply(ResponsesWire.textReply("resp_4", List.of("four")));
    conversation.user("u4", "fourth").generate(provider);
    assertEquals("resp_3", post(3).get("previous_response_id").asText());
    assertEquals(json("[" + user("fourth") + "]"), post(3).get("input"));
  }

  @Test
  void aRemovedOrAnInsertedEarlierItemSendsTheFullInput() throws Exception {
    LlmProvider provider = provider(http());
    reply(ResponsesWire.textReply("resp_1", List.of("one")));
    conversation.user("u1", "first").generate(provider);
    reply(ResponsesWire.textReply("resp_2", List.of("two")));
    conversation.user("u2", "second").generate(provider);

    conversation.context().insert(new ChatMessage("early", ChatRole.USER, List.of(new TextContent("late news")), false,
        null, Map.of(), 1_000.5));
    reply(ResponsesWire.textReply("resp_3", List.of("three")));
    conversation.user("u3", "third").generate(provider);
    conversation.context().remove("u1");
    reply(ResponsesWire.textReply("resp_4", List.of("four")));
    conversation.user("u4", "fourth").generate(provider);

    JsonNode inserted = post(2);
    assertFalse(inserted.has("previous_response_id"));
    assertEquals(6, inserted.get("input").size());
    assertEquals("late news", inserted.at("/input/1/content/0/text").asText());
    JsonNode removed = post(3);
    assertFalse(removed.has("previous_response_id"));
    assertEquals(json("[" + user("late news") + "," + assistant("one") + "," + user("second") + ","
        + assistant("two") + "," + user("third") + "," + assistant("three") + "," + user("fourth") + "]"),
        removed.get("input"));
  }

  @Test
  void anotherModelOrACallWithoutItsOutputSendsTheFullInput() throws Exception {
    LlmProvider provider = provider(http());
    reply(ResponsesWire.textReply("resp_1", List.of("one")));
    conversation.user("u1", "first").generate(provider);
    reply(ResponsesWire.callReply("resp_2", "call_x", "lookup", "{}"));
    conversation.user("u2", "look it up").generate(provider);

    reply(ResponsesWire.textReply("resp_3", List.of("never mind")));
    conversation.user("u3", "actually, skip it").generate(provider);
    reply(ResponsesWire.textReply("resp_4", List.of("mini")));
    conversation.user("u4", "bye");
    LlmProvider mini = provider(http().withModel("gpt-4.1-nano"));
    conversation.generate(mini);

    JsonNode pending = post(2);
    assertFalse(pending.has("previous_response_id"), "the call of resp_2 has no output: " + pending);
    assertEquals(json("[" + user("first") + "," + assistant("one") + "," + user("look it up") + ","
        + user("actually, skip it") + "]"), pending.get("input"));
    JsonNode otherModel = post(3);
    assertEquals("gpt-4.1-nano", otherModel.get("model").asText());
    assertFalse(otherModel.has("previous_response_id"));
  }

  @Test
  void withStoreFalseNothingIsChainedOrReported() throws Exception {
    LlmProvider provider = provider(http().withStore(false));
    reply(ResponsesWire.textReply("resp_1", List.of("one")));
    Transcript first = conversation.user("u1", "first").generate(provider);
    reply(ResponsesWire.textReply("resp_2", List.of("two")));
    conversation.user("u2", "second").generate(provider);

    assertEquals(List.of(), first.states());
    assertFalse(post(1).has("previous_response_id"));
    assertEquals(3, post(1).get("input").size());
    assertFalse(post(1).get("store").booleanValue());
  }

  @Test
  void storeFalseAsAnExtraOptionTurnsChainingOffToo() throws Exception {
    LlmProvider provider = provider(http().withExtraOptions(Map.of("store", false)));
    reply(ResponsesWire.textReply("resp_1", List.of("one")));
    Transcript first = conversation.user("u1", "first").generate(provider);

    assertEquals(List.of(), first.states());
    assertFalse(post(0).get("store").booleanValue());
  }

  @Test
  void aRestartedServiceContinuesTheChainFromTheStoredState() throws Exception {
    reply(ResponsesWire.textReply("resp_1", List.of("one")));
    conversation.user("u1", "first").generate(provider(http()));
    ResponseChain stored = (ResponseChain) conversation.state();
    ResponseChain restored = new ResponseChain(stored.responseId(), stored.endpoint(), stored.model(),
        stored.coveredInputs(), stored.coveredDigest(), stored.replyId(), stored.replyItems());

    reply(ResponsesWire.textReply("resp_2", List.of("two")));
    conversation.restore(restored).user("u2", "second").generate(provider(http()));

    assertEquals("resp_1", post(1).get("previous_response_id").asText());
    assertEquals(json("[" + user("second") + "]"), post(1).get("input"));
  }

  @Test
  void previousResponseNotFoundOverHttpFallsBackToTheFullInputOnceAndQuietly() throws Exception {
    LlmProvider provider = provider(http());
    reply(ResponsesWire.textReply("resp_1", List.of("one")));
    conversation.user("u1", "first").generate(provider);
    server.enqueueHttp(new MockResponse.Builder().code(400).addHeader("Content-Type", "application/json")
        .body(ResponsesWire.errorBody("Previous response with id 'resp_1' not found.", "previous_response_not_found"))
        .build());
    reply(ResponsesWire.textReply("resp_2", List.of("two")));

    Transcript transcript = conversation.user("u2", "second").generate(provider);

    assertEquals("two", transcript.text());
    assertEquals(List.of(), transcript.retries(), "transparent: no error event");
    assertEquals("resp_1", post(1).get("previous_response_id").asText());
    JsonNode full = post(2);
    assertFalse(full.has("previous_response_id"));
    assertEquals(json("[" + user("first") + "," + assistant("one") + "," + user("second") + "]"), full.get("input"));
    List<ProviderState> states = transcript.states();
    assertEquals(2, states.size());
    assertNull(states.get(0), "the stored chain is dropped at once");
    assertEquals("resp_2", ((ResponseChain) states.get(1)).responseId());
    assertEquals(3, server.posts().size());
  }

  @Test
  void previousResponseNotFoundOverTheWebSocketFallsBackTheSameWay() throws Exception {
    LlmProvider provider = provider(http().withWebSocket(true));
    server.enqueue(Script.events(ResponsesWire.textReply("resp_1", List.of("one"))));
    conversation.user("u1", "first").generate(provider);
    server.enqueue(Script.events(List.of(ResponsesWire.errorEvent(400, "previous_response_not_found",
        "Previous response with id 'resp_1' not found."))));
    server.enqueue(Script.events(ResponsesWire.textReply("resp_2", List.of("two"))));

    Transcript transcript = conversation.user("u2", "second").generate(provider);

    assertEquals("two", transcript.text());
    assertEquals(List.of(), transcript.retries());
    server.takeMessage();
    JsonNode chained = json(server.takeMessage());
    assertEquals("resp_1", chained.get("previous_response_id").asText());
    JsonNode full = json(server.takeMessage());
    assertFalse(full.has("previous_response_id"));
    assertEquals(3, full.get("input").size());
    assertEquals("resp_2", ((ResponseChain) transcript.lastState()).responseId());
  }

  @Test
  void aSecondPreviousResponseNotFoundIsAnError() {
    LlmProvider provider = provider(http());
    reply(ResponsesWire.textReply("resp_1", List.of("one")));
    conversation.user("u1", "first").generate(provider);
    for (int i = 0; i < 2; i++) {
      server.enqueueHttp(new MockResponse.Builder().code(400).addHeader("Content-Type", "application/json")
          .body(ResponsesWire.errorBody("not found", "previous_response_not_found")).build());
    }

    Transcript transcript = conversation.user("u2", "second").generate(provider);

    assertEquals(400, transcript.error().status());
    assertEquals(3, server.posts().size(), "one fallback, no more");
  }

  private OpenAiResponsesOptions http() {
    return OpenAiResponsesOptions.of("sk-chain-test-000", "gpt-4.1-mini").withBaseUrl(server.url("/v1").toString())
        .withWebSocket(false);
  }

  private LlmProvider provider(OpenAiResponsesOptions options) {
    return OpenAiResponsesProvider.create(options, ConnectorRuntime.defaults().withRetryWait(waits));
  }

  private void reply(List<String> events) {
    server.enqueueHttp(new MockResponse.Builder().addHeader("Content-Type", "text/event-stream")
        .body(ResponsesWire.sse(events)).build());
  }

  private JsonNode post(int index) {
    RecordedRequest request = server.posts().get(index);
    return json(request.getBody().utf8());
  }

  private static String user(String text) {
    return "{\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":" + quoted(text) + "}]}";
  }

  private static String assistant(String text) {
    return "{\"role\":\"assistant\",\"content\":[{\"type\":\"output_text\",\"text\":" + quoted(text) + "}]}";
  }

  private static String quoted(String text) {
    return TextNode.valueOf(text).toString();
  }

  private static JsonNode json(String text) {
    return ResponsesWire.read(text);
  }
}
