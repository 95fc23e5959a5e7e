package dev.chatstream.llm.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatstream.llm.LlmProvider;
import dev.chatstream.llm.internal.retry.ConnectorRuntime;
import dev.chatstream.llm.state.ProviderConversation;
import dev.chatstream.llm.stream.CompletionUsage;
import dev.chatstream.llm.stream.FunctionToolCall;
import dev.chatstream.llm.testing.ConversationDriver;
import dev.chatstream.llm.testing.FakeConversationsApi;
import dev.chatstream.llm.testing.Fixtures;
import dev.chatstream.llm.testing.RecordingRetryWait;
import dev.chatstream.llm.testing.ResponsesWire;
import dev.chatstream.llm.testing.Transcript;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The recorded Assistants run (a thread run that stops at {@code requires_action} for one function
 * call, then resumes with {@code submit_tool_outputs} and answers) replayed as the successor API
 * carries it: the same call, tool output, text deltas and usage, as Responses events in a provider
 * conversation. The chunks are what the Assistants plugin made of the run events (text deltas to
 * content, the required action's calls to tool calls), and the thread's bookkeeping holds: the
 * output is submitted once, later turns add only their own items.
 */
class AssistantsRecordingsTest {

  private final FakeConversationsApi api = new FakeConversationsApi();
  private final ConversationDriver conversation = new ConversationDriver();

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void theRecordedToolRoundTripRunsThroughAProviderConversation() {
    List<JsonNode> runUntilAction = events("openai/assistants-run-requires-action.sse");
    List<JsonNode> resumed = events("openai/assistants-submit-tool-outputs-completed.sse");
    JsonNode required = only(runUntilAction, "thread.run.requires_action")
        .at("/required_action/submit_tool_outputs/tool_calls/0");
    JsonNode toolStep = stepCompleted(resumed, "tool_calls");
    JsonNode messageStep = stepCompleted(resumed, "message_creation");
    List<String> deltas = new ArrayList<>();
    for (JsonNode event : resumed) {
      if (event.path("object").asText().equals("thread.message.delta")) {
        deltas.add(event.at("/delta/content/0/text/value").asText());
      }
    }
    String callId = required.path("id").asText();
    String name = required.at("/function/name").asText();
    String arguments = required.at("/function/arguments").asText();
    String output = toolStep.at("/step_details/tool_calls/0/function/output").asText();
    LlmProvider provider = provider();

    api.enqueueReply(List.of(ResponsesWire.created("resp_run_1"),
        ResponsesWire.functionCallDone("fc_1", callId, name, arguments), completedWith("resp_run_1", toolStep)));
    Transcript first = conversation.user("u1", "What should I wear outside?").generate(provider);
    conversation.output("o1", callId, name, output);
    List<String> answer = new ArrayList<>(List.of(ResponsesWire.created("resp_run_2")));
    deltas.forEach(delta -> answer.add(ResponsesWire.textDelta(delta)));
    answer.add(ResponsesWire.messageDone("msg_answer", String.join("", deltas)));
    answer.add(completedWith("resp_run_2", messageStep));
    api.enqueueReply(answer);
    Transcript second = conversation.generate(provider);
    api.enqueueReply(ResponsesWire.textReply("resp_run_3", List.of("You're welcome.")));
    conversation.user("u3", "Thanks!").generate(provider);

    assertEquals(List.of(FunctionToolCall.of("get_current_weather", "{}", "call_xyFYaEeyocjyE6jN64QTcxip")),
        first.toolCalls());
    assertEquals("", first.text());
    assertEquals(List.of(new CompletionUsage(12, 260, 0, 0, 0, 272, "default")), first.usages());
    assertEquals("Since it's warm and sunny outside, you should consider wearing lightweight, breathable clothing"
        + " such as a t-shirt, shorts, or a light dress. Don't forget sunglasses and sunscreen to protect yourself"
        + " from the sun!", second.text());
    assertEquals(deltas.size(), second.chunks().stream().filter(chunk -> chunk.hasResponse()).count());
    assertEquals(List.of(new CompletionUsage(42, 284, 0, 0, 0, 326, "default")), second.usages());
    assertEquals(List.of("user:What should I wear outside?", "call:get_current_weather", "output:warm and sunny",
        "assistant:" + second.text(), "user:Thanks!", "assistant:You're welcome."), api.transcript("conv_1"));
    long outputsSubmitted = api.calls().stream().filter(call -> call.path().endsWith("/items"))
        .flatMap(call -> stream(call.body().path("items")))
        .filter(item -> item.path("type").asText().equals("function_call_output")).count();
    assertEquals(1, outputsSubmitted, "submit_tool_outputs once per call");
    ProviderConversation state = (ProviderConversation) conversation.state();
    assertEquals(List.of("fc_1"), state.items().get("reply_1/fnc_0"));
  }

  private LlmProvider provider() {
    return OpenAiResponsesProvider.create(OpenAiResponsesOptions.of("sk-assistants-000", "gpt-4o")
        .withBaseUrl(api.url("/v1").toString()).withWebSocket(false).withState(ResponsesState.CONVERSATION),
        ConnectorRuntime.defaults().withRetryWait(new RecordingRetryWait()));
  }

  /** {@code response.completed} carrying a recorded run step's usage. */
  private static String completedWith(String responseId, JsonNode step) {
    JsonNode usage = step.path("usage");
    return ResponsesWire.completed(responseId, usage.path("prompt_tokens").asInt(),
        usage.at("/prompt_token_details/cached_tokens").asInt(), usage.path("completion_tokens").asInt(),
        usage.at("/completion_tokens_details/reasoning_tokens").asInt());
  }

  private static List<JsonNode> events(String fixture) {
    List<JsonNode> events = new ArrayList<>();
    for (String data : ResponsesWire.dataOf(Fixtures.bytes(fixture))) {
      if (!data.equals("[DONE]")) {
        events.add(ResponsesWire.read(data));
      }
    }
    return events;
  }

  private static JsonNode only(List<JsonNode> events, String status) {
    return events.stream().filter(event -> event.path("object").asText().equals("thread.run")
        && ("thread.run." + event.path("status").asText()).equals(status)).findFirst().orElseThrow();
  }

  private static JsonNode stepCompleted(List<JsonNode> events, String type) {
    return events.stream().filter(event -> event.path("object").asText().equals("thread.run.step")
        && event.path("status").asText().equals("completed") && event.path("type").asText().equals(type))
        .findFirst().orElseThrow();
  }

  private static Stream<JsonNode> stream(JsonNode array) {
    List<JsonNode> items = new ArrayList<>();
    array.forEach(items::add);
    return items.stream();
  }
}
