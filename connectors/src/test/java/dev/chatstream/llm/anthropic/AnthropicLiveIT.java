package dev.chatstream.llm.anthropic;

import dev.chatstream.llm.LlmProvider;
import dev.chatstream.llm.openai.OpenAiChatLiveTest;
import dev.chatstream.llm.tools.ToolChoice;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** Against the real API; runs only when {@code ANTHROPIC_API_KEY} is set (the model from {@code ANTHROPIC_MODEL}, optional). */
@EnabledIfEnvironmentVariable(named = "ANTHROPIC_API_KEY", matches = ".+")
class AnthropicLiveIT {

  private final LlmProvider provider = AnthropicProvider.create(AnthropicOptions.fromEnvironment(System.getenv("ANTHROPIC_MODEL")));

  @Test
  void streamsAnAnswer() {
    OpenAiChatLiveTest.assertStreamedText(OpenAiChatLiveTest.run(provider, OpenAiChatLiveTest.ask("Say hello.")));
  }

  @Test
  void callsARequiredTool() throws Exception {
    OpenAiChatLiveTest.assertWeatherCall(OpenAiChatLiveTest.run(provider,
        OpenAiChatLiveTest.ask("What is the weather in Paris?").withTools(List.of(OpenAiChatLiveTest.weatherTool()))
            .withToolChoice(ToolChoice.REQUIRED)));
  }
}
