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
import dev.chatstream.llm.RecordingListener;
import dev.chatstream.llm.testing.Transcript;
import dev.chatstream.llm.tools.FunctionTool;
import dev.chatstream.llm.tools.ToolChoice;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Against the real OpenAI API; runs only when {@code OPENAI_API_KEY} is set ({@code OPENAI_MODEL} optional).
 * Its helpers serve the other vendors' live tests too.
 */
@EnabledIfEnvironmentVariable(named = "OPENAI_API_KEY", matches = ".+")
public class OpenAiChatLiveTest {

  private final LlmProvider provider = OpenAiChatProvider.create(OpenAiChatOptions.fromEnvironment(
      System.getenv().getOrDefault("OPENAI_MODEL", "gpt-4.1-mini")));

  public static LlmRequest ask(String text) {
    return LlmRequest.of("live-" + System.nanoTime(), ChatContext.of(List.of(
        ChatMessage.of(ChatRole.SYSTEM, "Answer in at most five words."), ChatMessage.of(ChatRole.USER, text))));
  }

  public static FunctionTool weatherTool() throws Exception {
    ObjectNode schema = (ObjectNode) new ObjectMapper().readTree(
        "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]}");
    return new FunctionTool("get_weather", "The current weather in a city", schema);
  }

  public static Transcript run(LlmProvider llm, LlmRequest request) {
    RecordingListener listener = new RecordingListener();
    llm.chat(request, listener);
    return Transcript.of(listener);
  }

  public static void assertStreamedText(Transcript transcript) {
    assertFalse(transcript.text().isBlank(), "no text: " + transcript);
    LlmMetrics metrics = transcript.metrics();
    assertTrue(metrics.completionTokens() > 0, metrics.toString());
    assertTrue(metrics.promptTokens() > 0, metrics.toString());
    assertTrue(metrics.ttftSeconds() > 0, metrics.toString());
  }

  public static void assertWeatherCall(Transcript transcript) throws Exception {
    List<FunctionToolCall> calls = transcript.toolCalls();
    assertEquals(1, calls.size(), "calls: " + calls);
    assertEquals("get_weather", calls.getFirst().name());
    assertTrue(new ObjectMapper().readTree(calls.getFirst().arguments()).path("city").asText().contains("Paris"));
    assertFalse(calls.getFirst().callId().isBlank());
  }

  @Test
  void streamsAnAnswer() {
    assertStreamedText(run(provider, ask("Say hello.")));
  }

  @Test
  void callsARequiredTool() throws Exception {
    assertWeatherCall(run(provider, ask("What is the weather in Paris?").withTools(List.of(weatherTool()))
        .withToolChoice(ToolChoice.REQUIRED)));
  }
}
