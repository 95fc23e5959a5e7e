package dev.chatstream.pipeline.config;

import static dev.chatstream.pipeline.config.LlmProfileConfig.RESPONSES_METADATA_CONFIG;
import static dev.chatstream.pipeline.config.LlmProfileConfig.RESPONSES_PARALLEL_TOOL_CALLS_CONFIG;
import static dev.chatstream.pipeline.config.LlmProfileConfig.RESPONSES_REASONING_EFFORT_CONFIG;
import static dev.chatstream.pipeline.config.LlmProfileConfig.RESPONSES_STATE_CONFIG;
import static dev.chatstream.pipeline.config.LlmProfileConfig.RESPONSES_STORE_CONFIG;
import static dev.chatstream.pipeline.config.LlmProfileConfig.RESPONSES_TEMPERATURE_CONFIG;
import static dev.chatstream.pipeline.config.LlmProfileConfig.RESPONSES_TOOL_CHOICE_CONFIG;
import static dev.chatstream.pipeline.config.LlmProfileConfig.RESPONSES_USER_CONFIG;
import static dev.chatstream.pipeline.config.LlmProfileConfig.RESPONSES_USE_WEBSOCKET_CONFIG;

import dev.chatstream.llm.openai.OpenAiResponsesOptions;
import dev.chatstream.llm.openai.ResponsesState;
import dev.chatstream.llm.tools.ToolChoice;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the settings of an {@code openai-responses} profile: the reference plugin's options, each
 * empty when unset so that the connector's defaults apply ({@link OpenAiResponsesOptions}).
 */
final class ResponsesSettings {

  private ResponsesSettings() {}

  static ProviderSettings.OpenAiResponses read(ProfileReader profile) {
    ResponsesState state = ResponsesState.fromId(profile.string(RESPONSES_STATE_CONFIG).orElseThrow());
    Optional<Boolean> store = profile.flag(RESPONSES_STORE_CONFIG);
    if (state == ResponsesState.CONVERSATION && store.equals(Optional.of(false))) {
      throw profile.fault(profile.where(RESPONSES_STATE_CONFIG) + "=conversation keeps the conversation on the "
          + "provider, which needs " + profile.where(RESPONSES_STORE_CONFIG) + " to be true or unset");
    }
    Map<String, String> metadata = new LinkedHashMap<>();
    for (String pair : profile.list(RESPONSES_METADATA_CONFIG)) {
      int equals = pair.indexOf('=');
      metadata.put(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
    }
    return new ProviderSettings.OpenAiResponses(profile.flag(RESPONSES_USE_WEBSOCKET_CONFIG).orElseThrow(), state,
        store, profile.string(RESPONSES_USER_CONFIG), profile.number(RESPONSES_TEMPERATURE_CONFIG),
        profile.flag(RESPONSES_PARALLEL_TOOL_CALLS_CONFIG), profile.string(RESPONSES_REASONING_EFFORT_CONFIG),
        profile.string(RESPONSES_TOOL_CHOICE_CONFIG).map(ToolChoice::parse), metadata);
  }
}
