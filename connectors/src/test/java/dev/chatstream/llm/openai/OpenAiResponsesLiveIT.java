package dev.chatstream.llm.openai;

import static dev.chatstream.llm.openai.OpenAiChatLiveTest.assertStreamedText;
import static dev.chatstream.llm.openai.OpenAiChatLiveTest.assertWeatherCall;
import static dev.chatstream.llm.openai.OpenAiChatLiveTest.ask;
import static dev.chatstream.llm.openai.OpenAiChatLiveTest.run;
import static dev.chatstream.llm.openai.OpenAiChatLiveTest.weatherTool;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.chatstream.llm.LlmProvider;
import dev.chatstream.llm.state.ResponseChain;
import dev.chatstream.llm.testing.ConversationDriver;
import dev.chatstream.llm.testing.Transcript;
import dev.chatstream.llm.tools.ToolChoice;
import java.util.List;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Responses connector against the real OpenAI API, over both transports; runs only when
 * {@code OPENAI_API_KEY} is set ({@code OPENAI_MODEL} optional).
 */
@EnabledIfEnvironmentVariable(named = "OPENAI_API_KEY", matches = ".+")
class OpenAiResponsesLiveIT {

  private static LlmProvider provider(boolean webSocket) {
    return OpenAiResponsesProvider.create(OpenAiResponsesOptions.fromEnvironment(
        System.getenv().getOrDefault("OPENAI_MODEL", "gpt-4.1-mini")).withWebSocket(webSocket));
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void streamsAnAnswer(boolean webSocket) {
    assertStreamedText(run(provider(webSocket), ask("Say hello.")));
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void callsARequiredTool(boolean webSocket) throws Exception {
    assertWeatherCall(run(provider(webSocket), ask("What is the weather in Paris?").withTools(List.of(weatherTool()))
        .withToolChoice(ToolChoice.REQUIRED)));
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void theSecondTurnContinuesTheFirstResponse(boolean webSocket) {
    LlmProvider provider = provider(webSocket);
    ConversationDriver conversation = new ConversationDriver();

    Transcript first = conversation.user("u1", "My name is Ada. Reply with one word.").generate(provider);
    Transcript second = conversation.user("u2", "What is my name? One word.").generate(provider);

    ResponseChain chain = assertInstanceOf(ResponseChain.class, first.lastState());
    assertEquals(1, chain.coveredInputs());
    assertStreamedText(second);
    assertEquals(3, ((ResponseChain) second.lastState()).coveredInputs());
  }
}
