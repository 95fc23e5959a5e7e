package dev.chatstream.llm.mistral;

import dev.chatstream.llm.LlmProvider;
import dev.chatstream.llm.openai.OpenAiChatLiveTest;
import dev.chatstream.llm.tools.ToolChoice;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** Against the real API; runs only when {@code MISTRAL_API_KEY} is set (the model from {@code MISTRAL_MODEL}, optional). */
@EnabledIfEnvironmentVariable(named = "MISTRAL_API_KEY", matches = ".+")
class MistralLiveIT {

  private final LlmProvider provider = MistralProvider.create(MistralOptions.fromEnvironment(System.getenv("MISTRAL_MODEL")));

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
