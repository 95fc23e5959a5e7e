package dev.chatstream.llm.google;

import dev.chatstream.llm.LlmProvider;
import dev.chatstream.llm.openai.OpenAiChatLiveTest;
import dev.chatstream.llm.tools.ToolChoice;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** Against the real API; runs only when {@code GOOGLE_API_KEY} is set (the model from {@code GOOGLE_MODEL}, optional). */
@EnabledIfEnvironmentVariable(named = "GOOGLE_API_KEY", matches = ".+")
class GoogleLiveIT {

  private final LlmProvider provider = GoogleProvider.create(GoogleOptions.fromEnvironment(System.getenv("GOOGLE_MODEL")));

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
