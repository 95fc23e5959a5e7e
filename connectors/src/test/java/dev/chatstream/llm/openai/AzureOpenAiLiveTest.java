package dev.chatstream.llm.openai;

import dev.chatstream.llm.LlmProvider;
import dev.chatstream.llm.tools.ToolChoice;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Against a real Azure OpenAI deployment; runs only when {@code AZURE_OPENAI_API_KEY},
 * {@code AZURE_OPENAI_ENDPOINT} and {@code AZURE_OPENAI_DEPLOYMENT} are set.
 */
@EnabledIfEnvironmentVariable(named = "AZURE_OPENAI_API_KEY", matches = ".+")
@EnabledIfEnvironmentVariable(named = "AZURE_OPENAI_ENDPOINT", matches = ".+")
@EnabledIfEnvironmentVariable(named = "AZURE_OPENAI_DEPLOYMENT", matches = ".+")
class AzureOpenAiLiveTest {

  private final LlmProvider provider = OpenAiChatProvider.azure(
      AzureOpenAiOptions.fromEnvironment(System.getenv("AZURE_OPENAI_DEPLOYMENT")));

  @Test
  void streamsAnAnswer() {
    OpenAiChatLiveTest.assertStreamedText(OpenAiChatLiveTest.run(provider, OpenAiChatLiveTest.ask("Say hello.")));
  }

  @Test
  void callsARequiredTool() throws Exception {
    OpenAiChatLiveTest.assertWeatherCall(OpenAiChatLiveTest.run(provider, OpenAiChatLiveTest.ask(
        "What is the weather in Paris?").withTools(List.of(OpenAiChatLiveTest.weatherTool()))
        .withToolChoice(ToolChoice.REQUIRED)));
  }
}
