package dev.chatstream.llm.bedrock;

import dev.chatstream.llm.LlmProvider;
import dev.chatstream.llm.openai.OpenAiChatLiveTest;
import dev.chatstream.llm.tools.ToolChoice;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** Against the real API; runs only when {@code AWS_ACCESS_KEY_ID} is set (the model from {@code BEDROCK_MODEL}, optional). */
@EnabledIfEnvironmentVariable(named = "AWS_ACCESS_KEY_ID", matches = ".+")
class BedrockLiveIT {

  private final LlmProvider provider = BedrockProvider.create(BedrockOptions.fromEnvironment(System.getenv("BEDROCK_MODEL")));

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
