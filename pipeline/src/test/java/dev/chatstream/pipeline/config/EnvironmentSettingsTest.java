package dev.chatstream.pipeline.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class EnvironmentSettingsTest {

  @Test
  void variableOfUpperCasesAndReplacesDotsAndDashes() {
    assertEquals("CHATSTREAM_TOPIC_PREFIX", EnvironmentSettings.variableOf("topic.prefix"));
    assertEquals("CHATSTREAM_LLM_FAST_BASE_URL", EnvironmentSettings.variableOf("llm.fast.base-url"));
  }

  @Test
  void profileSettingsMatchTheLongestSettingName() {
    assertEquals("llm.fb.max-retry-per-llm", key("CHATSTREAM_LLM_FB_MAX_RETRY_PER_LLM"));
    assertEquals("llm.fb.max-retry", key("CHATSTREAM_LLM_FB_MAX_RETRY"));
    assertEquals("llm.lk.livekit.provider", key("CHATSTREAM_LLM_LK_LIVEKIT_PROVIDER"));
    assertEquals("llm.gpt.api-key-env", key("CHATSTREAM_LLM_GPT_API_KEY_ENV"));
    assertEquals("llm.az.azure.api-version", key("CHATSTREAM_LLM_AZ_AZURE_API_VERSION"));
    assertEquals("llm.my_gpt.model", key("CHATSTREAM_LLM_MY_GPT_MODEL"));
  }

  @Test
  void optionsKeepTheirUnderscores() {
    assertEquals("llm.gpt.options.max_completion_tokens", key("CHATSTREAM_LLM_GPT_OPTIONS_MAX_COMPLETION_TOKENS"));
  }

  @Test
  void kafkaVariablesBecomeDottedClientSettings() {
    assertEquals("kafka.sasl.jaas.config", key("CHATSTREAM_KAFKA_SASL_JAAS_CONFIG"));
  }

  @Test
  void unrelatedVariablesAreIgnored() {
    assertEquals(List.of(), EnvironmentSettings.read(Map.of("CHATSTREAM_JAVA_OPTS", "-Xmx1g", "PATH", "/bin",
        "CHATSTREAM_KAFKA_", "x")));
  }

  @Test
  void llmVariableWithoutSettingIsAnError() {
    ConfigException error = assertThrows(ConfigException.class,
        () -> EnvironmentSettings.read(Map.of("CHATSTREAM_LLM_GPT_MODLE", "x")));
    assertTrue(error.getMessage().startsWith("Environment variable CHATSTREAM_LLM_GPT_MODLE names no LLM"),
        error.getMessage());
    assertThrows(ConfigException.class, () -> EnvironmentSettings.read(Map.of("CHATSTREAM_LLM_MODEL", "x")));
  }

  private static String key(String variable) {
    List<EnvironmentSettings.Entry> entries = EnvironmentSettings.read(Map.of(variable, "v"));
    assertEquals(1, entries.size());
    assertEquals(variable, entries.get(0).variable());
    return entries.get(0).key();
  }
}
