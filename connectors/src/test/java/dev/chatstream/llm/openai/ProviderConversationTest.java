package dev.chatstream.llm.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatstream.llm.ConnectOptions;
import dev.chatstream.llm.LlmProvider;
import dev.chatstream.llm.chat.ChatMessage;
import dev.chatstream.llm.chat.ChatRole;
import dev.chatstream.llm.chat.TextContent;
import dev.chatstream.llm.internal.retry.ConnectorRuntime;
import dev.chatstream.llm.state.ProviderConversation;
import dev.chatstream.llm.testing.ConversationDriver;
import dev.chatstream.llm.testing.FakeConversationsApi;
import dev.chatstream.llm.testing.RecordingRetryWait;
import dev.chatstream.llm.testing.ResponsesWire;
import dev.chatstream.llm.testing.Transcript;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code state=conversation} against a loopback server implementing the Conversations endpoints:
 * what is created, added and deleted, and that requests name only the conversation.
 */
class ProviderConversationTest {

  private final FakeConversationsApi api = new FakeConversationsApi();
  private final RecordingRetryWait waits = new RecordingRetryWait();
  private final ConversationDriver conversation = new ConversationDriver();

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void theFirstRequestCreatesTheConversationAddsTheContextAndSendsOnlyTheConversationId() {
    api.enqueueReply(ResponsesWire.textReply("resp_1", List.of("Hi!")));
    conversation.context().append(new ChatMessage("sys", ChatRole.SYSTEM, List.of(new TextContent("Be brief.")),
        false, null, Map.of(), 1));

    Transcript transcript = conversation.user("u1", "Hello").generate(provider());

    assertEquals("Hi!", transcript.text());
    assertEquals(List.of("POST /v1/conversations", "POST /v1/conversations/conv_1/items", "POST /v1/responses"),
        api.callLines());
    assertEquals(ResponsesWire.read("""
        {"items": [
          {"type": "message", "role": "system", "content": [{"type": "input_text", "text": "Be brief."}]},
          {"type": "message", "role": "user", "content": [{"type": "input_text", "text": "Hello"}]}]}"""),
        api.calls().get(1).body());
    assertEquals(ResponsesWire.read("{\"model\": \"gpt-4.1-mini\", \"conversation\": \"conv_1\", \"stream\": true}"),
        api.calls().get(2).body());
    ProviderConversation state = assertInstanceOf(ProviderConversation.class, transcript.lastState());
    assertEquals("conv_1", state.conversationId());
    assertEquals(Map.of("sys", List.of("msg_2"), "u1", List.of("msg_3"), "reply_1", List.of("msg_resp_1")),
        state.items());
    assertEquals(List.of("system:Be brief.", "user:Hello", "assistant:Hi!"), api.transcript("conv_1"));
  }

  @Test
  void laterTurnsAddOnlyTheNewItemsAndEachToolOutputOnce() {
    LlmProvider provider = provider();
    api.enqueueReply(ResponsesWire.textReply("resp_1", List.of("Hi!")));
    conversation.user("u1", "Hello").generate(provider);
    api.enqueueReply(ResponsesWire.callReply("resp_2", "call_w", "get_weather", "{\"city\":\"Paris\"}"));
    conversation.user("u2", "Weather in Paris?").generate(provider);
    api.enqueueReply(ResponsesWire.textReply("resp_3", List.of("Sunny.")));
    conversation.output("o1", "call_w", "get_weather", "sunny").generate(provider);
    api.clearCalls();
    api.enqueueReply(ResponsesWire.textReply("resp_4", List.of("Bye.")));

    Transcript fourth = conversation.user("u4", "Thanks").generate(provider);

    assertEquals(List.of("POST /v1/conversations/conv_1/items", "POST /v1/responses"), api.callLines());
    assertEquals(1, api.calls().getFirst().body().path("items").size(), "only the new message");
    assertEquals(List.of("user:Hello", "assistant:Hi!", "user:Weather in Paris?", "call:get_weather",
        "output:sunny", "assistant:Sunny.", "user:Thanks", "assistant:Bye."), api.transcript("conv_1"));
    ProviderConversation state = (ProviderConversation) fourth.lastState();
    assertEquals(List.of("fc_call_w"), state.items().get("reply_2/fnc_0"));
    assertEquals(List.of("u1", "reply_1", "u2", "reply_2/fnc_0", "o1", "reply_3", "u4", "reply_4"),
        new ArrayList<>(state.items().keySet()));
  }

  @Test
  void aTruncateDeletesTheRemovedItemsFromTheConversation() {
    LlmProvider provider = provider();
    for (int turn = 1; turn <= 3; turn++) {
      api.enqueueReply(ResponsesWire.textReply("resp_" + turn, List.of("answer " + turn)));
      conversation.user("u" + turn, "question " + turn).generate(provider);
    }
    ProviderConversation before = (ProviderConversation) conversation.state();
    api.clearCalls();

    conversation.context().truncate(3);
    api.enqueueReply(ResponsesWire.textReply("resp_4", List.of("answer 4")));
    conversation.user("u4", "question 4").generate(provider);

    List<String> expected = new ArrayList<>();
    for (String removed : List.of("u1", "reply_1", "u2")) {
      expected.add("DELETE /v1/conversations/conv_1/items/" + before.items().get(removed).getFirst());
    }
    expected.addAll(List.of("POST /v1/conversations/conv_1/items", "POST /v1/responses"));
    assertEquals(expected, api.callLines());
    assertEquals(List.of("assistant:answer 2", "user:question 3", "assistant:answer 3", "user:question 4",
        "assistant:answer 4"), api.transcript("conv_1"));
  }

  @Test
  void anItemInsertedBeforeSyncedOnesIsAddedInPlaceByAddingTheRestAgain() {
    LlmProvider provider = provider();
    api.enqueueReply(ResponsesWire.textReply("resp_1", List.of("one")));
    conversation.user("u1", "first").generate(provider);
    api.enqueueReply(ResponsesWire.textReply("resp_2", List.of("two")));
    conversation.user("u2", "second").generate(provider);

    conversation.context().insert(new ChatMessage("late", ChatRole.USER, List.of(new TextContent("late news")),
        false, null, Map.of(), 1_001.5));
    api.enqueueReply(ResponsesWire.textReply("resp_3", List.of("three")));
    conversation.user("u3", "third").generate(provider);

    assertEquals(List.of("user:first", "assistant:one", "user:late news", "user:second", "assistant:two",
        "user:third", "assistant:three"), api.transcript("conv_1"));
  }

  @Test
  void aDeletedReplyTakesItsReasoningItemWithIt() {
    LlmProvider provider = provider();
    List<String> reasoned = new ArrayList<>(List.of(ResponsesWire.created("resp_1"),
        ResponsesWire.reasoningDone("rs_1", "Thought about it.")));
    reasoned.addAll(ResponsesWire.textReply("resp_1", List.of("Forty-two.")).subList(1, 4));
    api.enqueueReply(reasoned);
    conversation.user("u1", "The answer?").generate(provider);
    assertEquals(List.of("rs_1", "msg_resp_1"), ((ProviderConversation) conversation.state()).items().get("reply_1"));

    conversation.context().remove("reply_1");
    api.clearCalls();
    api.enqueueReply(ResponsesWire.textReply("resp_2", List.of("Again?")));
    conversation.user("u2", "Say it again").generate(provider);

    assertEquals(List.of("DELETE /v1/conversations/conv_1/items/rs_1",
        "DELETE /v1/conversations/conv_1/items/msg_resp_1", "POST /v1/conversations/conv_1/items",
        "POST /v1/responses"), api.callLines());
    assertEquals(List.of("user:The answer?", "user:Say it again", "assistant:Again?"), api.transcript("conv_1"));
  }

  @Test
  void moreThanTwentyNewItemsGoInBatchesOfTwenty() {
    for (int i = 0; i < 25; i++) {
      conversation.user("u" + i, "line " + i);
    }
    api.enqueueReply(ResponsesWire.textReply("resp_1", List.of("ok")));

    conversation.generate(provider());

    List<Integer> sizes = api.calls().stream().filter(call -> call.path().endsWith("/items"))
        .map(call -> call.body().path("items").size()).toList();
    assertEquals(List.of(20, 5), sizes);
    assertEquals(26, api.transcript("conv_1").size());
  }

  @Test
  void aConversationGoneFromTheProviderStartsOverWithTheWholeContext() {
    LlmProvider provider = provider();
    api.enqueueReply(ResponsesWire.textReply("resp_1", List.of("one")));
    conversation.user("u1", "first").generate(provider);
    api.forget("conv_1");

    api.enqueueReply(ResponsesWire.textReply("resp_2", List.of("two")));
    Transcript second = conversation.user("u2", "second").generate(provider);

    ProviderConversation state = (ProviderConversation) second.lastState();
    assertNotEquals("conv_1", state.conversationId());
    assertEquals(List.of("user:first", "assistant:one", "user:second", "assistant:two"),
        api.transcript(state.conversationId()));
    assertEquals(List.of(), second.retries());
  }

  @Test
  void aConversationGoneWhenNothingIsNewIsReplacedWhenTheResponseIsRefused() {
    LlmProvider provider = provider();
    api.enqueueReply(ResponsesWire.textReply("resp_1", List.of("one")));
    conversation.user("u1", "first").generate(provider);
    api.forget("conv_1");
    api.enqueueReply(ResponsesWire.textReply("resp_2", List.of("again")));

    Transcript again = conversation.generate(provider);

    assertEquals("again", again.text());
    assertEquals(List.of(), again.retries());
    ProviderConversation state = (ProviderConversation) again.lastState();
    assertEquals(List.of("user:first", "assistant:one", "assistant:again"), api.transcript(state.conversationId()));
  }

  @Test
  void aConversationOfAnotherEndpointIsNotUsed() {
    conversation.restore(new ProviderConversation("conv_elsewhere", "https://other.example/v1",
        Map.of("u0", List.of("msg_0"))));
    api.enqueueReply(ResponsesWire.textReply("resp_1", List.of("ok")));

    Transcript transcript = conversation.user("u1", "Hello").generate(provider());

    assertEquals("POST /v1/conversations", api.callLines().getFirst());
    assertFalse(((ProviderConversation) transcript.lastState()).items().containsKey("u0"));
  }

  @Test
  void whatWasSyncedIsReportedEvenWhenTheResponseFails() {
    api.failNextResponses(1);

    conversation.connectOptions(ConnectOptions.defaults().withMaxRetry(0));

    Transcript transcript = conversation.user("u1", "Hello").generate(provider());

    assertEquals(500, transcript.error().status());
    ProviderConversation state = (ProviderConversation) transcript.lastState();
    assertEquals(List.of("u1"), new ArrayList<>(state.items().keySet()));
    assertEquals(List.of("user:Hello"), api.transcript(state.conversationId()));
  }

  @Test
  void aRetryAfterAFailedResponseDoesNotAddTheItemsTwice() {
    api.failNextResponses(1);
    api.enqueueReply(ResponsesWire.textReply("resp_1", List.of("ok")));

    Transcript transcript = conversation.user("u1", "Hello").generate(provider());

    assertEquals("ok", transcript.text());
    assertEquals(1, transcript.retries().size());
    assertEquals(List.of("user:Hello", "assistant:ok"), api.transcript("conv_1"));
    long adds = api.callLines().stream().filter(line -> line.endsWith("/items")).count();
    assertEquals(1, adds);
  }

  @Test
  void conversationStateNeedsStore() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> OpenAiResponsesOptions
        .of("sk-conv-test-000", "gpt-4.1-mini").withStore(false).withState(ResponsesState.CONVERSATION));

    assertTrue(error.getMessage().contains("store"), error.getMessage());
  }

  private LlmProvider provider() {
    return OpenAiResponsesProvider.create(OpenAiResponsesOptions.of("sk-conv-test-000", "gpt-4.1-mini")
        .withBaseUrl(api.url("/v1").toString()).withWebSocket(false).withState(ResponsesState.CONVERSATION),
        ConnectorRuntime.defaults().withRetryWait(waits));
  }
}
