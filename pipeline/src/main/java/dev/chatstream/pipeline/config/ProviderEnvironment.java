package dev.chatstream.pipeline.config;

import dev.chatstream.llm.anthropic.AnthropicOptions;
import dev.chatstream.llm.google.GoogleOptions;
import dev.chatstream.llm.livekit.LiveKitInferenceOptions;
import dev.chatstream.llm.mistral.MistralOptions;
import dev.chatstream.llm.openai.AzureOpenAiOptions;
import dev.chatstream.llm.openai.OpenAiChatOptions;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The environment variables each provider reads its credentials and endpoint from, as LiveKit's and the
 * vendors' SDKs do.
 * The names are the connectors' own constants; this only says which applies to which provider.
 */
final class ProviderEnvironment {

  /** The variable whose presence makes the implicit default profile OpenAI. */
  static final String OPENAI_API_KEY = OpenAiChatOptions.API_KEY_ENV;

  /** The variable holding Azure's {@code api-version}. */
  static final String AZURE_API_VERSION = AzureOpenAiOptions.API_VERSION_ENV;

  private ProviderEnvironment() {}

  /** The value of {@code variable} in {@code environment}, stripped; empty when unset or blank. */
  static Optional<String> present(Map<String, String> environment, String variable) {
    String value = environment.get(variable);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  /** Variables holding the API key, first set one wins. */
  static List<String> apiKeyVariables(ProviderType provider) {
    return switch (provider) {
      case OPENAI, OPENAI_RESPONSES -> List.of(OpenAiChatOptions.API_KEY_ENV);
      case AZURE -> List.of(AzureOpenAiOptions.API_KEY_ENV);
      case LIVEKIT_INFERENCE -> List.of(LiveKitInferenceOptions.API_KEY_ENV, LiveKitInferenceOptions.FALLBACK_API_KEY_ENV);
      case ANTHROPIC -> List.of(AnthropicOptions.API_KEY_ENV);
      case GOOGLE -> List.of(GoogleOptions.API_KEY_ENV, GoogleOptions.GEMINI_API_KEY_ENV);
      case MISTRAL -> List.of(MistralOptions.API_KEY_ENV);
      case BEDROCK, OFFLINE, FALLBACK -> List.of();
    };
  }

  /** Variables holding the API secret (LiveKit only), first set one wins. */
  static List<String> apiSecretVariables(ProviderType provider) {
    return provider == ProviderType.LIVEKIT_INFERENCE
        ? List.of(LiveKitInferenceOptions.API_SECRET_ENV, LiveKitInferenceOptions.FALLBACK_API_SECRET_ENV)
        : List.of();
  }

  /** The variable holding the endpoint, if the provider has one. */
  static Optional<String> baseUrlVariable(ProviderType provider) {
    return switch (provider) {
      case OPENAI, OPENAI_RESPONSES -> Optional.of(OpenAiChatOptions.BASE_URL_ENV);
      case AZURE -> Optional.of(AzureOpenAiOptions.ENDPOINT_ENV);
      case LIVEKIT_INFERENCE -> Optional.of(LiveKitInferenceOptions.URL_ENV);
      case ANTHROPIC -> Optional.of(AnthropicOptions.BASE_URL_ENV);
      case GOOGLE, BEDROCK, MISTRAL, OFFLINE, FALLBACK -> Optional.empty();
    };
  }
}
