package dev.chatstream.llm.openai;

import dev.chatstream.llm.LlmProvider;
import dev.chatstream.llm.testing.RecordingListener;
import dev.chatstream.llm.tools.ToolChoice;
import java.time.Duration;
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
    RecordingListener listener = new RecordingListener();
    provider.chat(OpenAiChatLiveTest.ask("Say hello."), listener);

    OpenAiChatLiveTest.assertStreamedText(listener.awaitEnd(Duration.ofSeconds(60)));
  }

  @Test
  void callsARequiredTool() throws Exception {
    RecordingListener listener = new RecordingListener();
    provider.chat(OpenAiChatLiveTest.ask("What is the weather in Paris?")
        .withTools(List.of(OpenAiChatLiveTest.weatherTool())).withToolChoice(ToolChoice.REQUIRED), listener);

    OpenAiChatLiveTest.assertWeatherCall(listener.awaitEnd(Duration.ofSeconds(60)));
  }
}
