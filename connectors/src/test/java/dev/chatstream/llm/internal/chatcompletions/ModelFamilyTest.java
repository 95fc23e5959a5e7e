package dev.chatstream.llm.internal.chatcompletions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ModelFamilyTest {

  @ParameterizedTest(name = "{0} reasoning: {1}")
  @CsvSource({
      "o1, true", "o1-mini, true", "o3-mini, true", "o4-mini-2025-04-16, true", "gpt-5, true",
      "gpt-5.1, true", "openai/gpt-5-mini, true", "azure/gpt-5-nano, true", "GPT-5, true",
      "gpt-4o, false", "gpt-4.1-mini, false", "openai/gpt-4.1, false", "llama3.1, false", "deepseek-reasoner, false"})
  void recognisesReasoningModels(String model, boolean reasoning) {
    assertEquals(reasoning, ModelFamily.isReasoningModel(model));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "gpt-5, minimal", "gpt-5-mini, minimal", "gpt-5-nano, minimal", "gpt-5-2025-08-07, minimal",
      "gpt-5-mini-2025-08-07, minimal", "gpt-5.1, none", "gpt-5.2, none", "gpt-5.4-mini, none",
      "azure/gpt-5-mini, minimal"})
  void givesGpt5ModelsALowReasoningEffort(String model, String effort) {
    assertEquals(effort, ModelFamily.defaultReasoningEffort(model));
  }

  @ParameterizedTest
  @ValueSource(strings = {"gpt-5-chat-latest", "gpt-5.1-chat-latest", "o3-mini", "o1", "gpt-4.1", "gpt-4o-mini"})
  void leavesOtherModelsWithTheProvidersDefaultEffort(String model) {
    assertNull(ModelFamily.defaultReasoningEffort(model));
  }

  @ParameterizedTest
  @ValueSource(strings = {"o1", "o3-mini", "o4-mini", "gpt-5", "gpt-5.1", "openai/gpt-5-mini"})
  void dropsSamplingParametersForReasoningModels(String model) {
    ObjectNode body = bodyWithEverything();

    List<String> dropped = ModelFamily.dropUnsupported(body, model);

    assertEquals(ModelFamily.UNSUPPORTED_BY_REASONING_MODELS, dropped);
    assertEquals(List.of("model", "max_completion_tokens"), fieldNames(body));
  }

  @ParameterizedTest
  @ValueSource(strings = {"gpt-4o", "gpt-4.1-mini", "llama3.1"})
  void keepsSamplingParametersForOtherModels(String model) {
    ObjectNode body = bodyWithEverything();

    assertEquals(List.of(), ModelFamily.dropUnsupported(body, model));
    assertEquals(9, body.size());
  }

  private static ObjectNode bodyWithEverything() {
    ObjectNode body = new ObjectMapper().createObjectNode().put("model", "m");
    body.put("temperature", 0.2).put("top_p", 0.9).put("presence_penalty", 0.1).put("frequency_penalty", 0.1);
    body.putObject("logit_bias").put("50256", -100);
    body.put("logprobs", true).put("n", 1).put("max_completion_tokens", 100);
    return body;
  }

  private static List<String> fieldNames(ObjectNode body) {
    List<String> names = new java.util.ArrayList<>();
    body.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
