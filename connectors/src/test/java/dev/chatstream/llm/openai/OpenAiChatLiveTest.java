package dev.chatstream.llm.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatstream.llm.LlmMetrics;
import dev.chatstream.llm.LlmProvider;
import dev.chatstream.llm.LlmRequest;
import dev.chatstream.llm.chat.ChatContext;
import dev.chatstream.llm.chat.ChatMessage;
import dev.chatstream.llm.chat.ChatRole;
import dev.chatstream.llm.stream.FunctionToolCall;
import dev.chatstream.llm.testing.RecordingListener;
import dev.chatstream.llm.tools.FunctionTool;
import dev.chatstream.llm.tools.ToolChoice;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** Against the real OpenAI API; runs only when {@code OPENAI_API_KEY} is set ({@code OPENAI_MODEL} optional). */
@EnabledIfEnvironmentVariable(named = "OPENAI_API_KEY", matches = ".+")
class OpenAiChatLiveTest {

  private final LlmProvider provider = OpenAiChatProvider.create(OpenAiChatOptions.fromEnvironment(
      System.getenv().getOrDefault("OPENAI_MODEL", "gpt-4.1-mini")));

  static LlmRequest ask(String text) {
    return LlmRequest.of("live-" + System.nanoTime(), ChatContext.of(List.of(
        ChatMessage.of(ChatRole.SYSTEM, "Answer in at most five words."), ChatMessage.of(ChatRole.USER, text))));
  }

  static FunctionTool weatherTool() throws Exception {
    ObjectNode schema = (ObjectNode) new ObjectMapper().readTree(
        "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]}");
    return new FunctionTool("get_weather", "The current weather in a city", schema);
  }

  static void assertStreamedText(RecordingListener listener) {
    assertFalse(listener.text().isBlank(), "no text: " + listener.snapshot());
    listener.nextChunks();
    LlmMetrics metrics = listener.nextComplete();
    listener.assertExhausted();
    assertTrue(metrics.completionTokens() > 0, metrics.toString());
    assertTrue(metrics.promptTokens() > 0, metrics.toString());
    assertTrue(metrics.ttftSeconds() > 0, metrics.toString());
  }

  static void assertWeatherCall(RecordingListener listener) throws Exception {
    List<FunctionToolCall> calls = listener.toolCalls();
    assertEquals(1, calls.size(), "calls: " + calls);
    assertEquals("get_weather", calls.getFirst().name());
    assertTrue(new ObjectMapper().readTree(calls.getFirst().arguments()).path("city").asText().contains("Paris"));
    assertFalse(calls.getFirst().callId().isBlank());
  }

  @Test
  void streamsAnAnswer() {
    RecordingListener listener = new RecordingListener();
    provider.chat(ask("Say hello."), listener);

    assertStreamedText(listener.awaitEnd(Duration.ofSeconds(60)));
  }

  @Test
  void callsARequiredTool() throws Exception {
    RecordingListener listener = new RecordingListener();
    provider.chat(ask("What is the weather in Paris?").withTools(List.of(weatherTool()))
        .withToolChoice(ToolChoice.REQUIRED), listener);

    assertWeatherCall(listener.awaitEnd(Duration.ofSeconds(60)));
  }
}
