package dev.chatstream.pipeline.config;

import java.util.List;
import java.util.Optional;

/** The environment variables each provider reads its credentials and endpoint from, as LiveKit's do. */
final class ProviderEnvironment {

  static final String OPENAI_API_KEY = "OPENAI_API_KEY";

  private ProviderEnvironment() {}

  /** Variables holding the API key, first set one wins. */
  static List<String> apiKeyVariables(ProviderType provider) {
    return switch (provider) {
      case OPENAI -> List.of(OPENAI_API_KEY);
      case AZURE -> List.of("AZURE_OPENAI_API_KEY");
      case LIVEKIT_INFERENCE -> List.of("LIVEKIT_INFERENCE_API_KEY", "LIVEKIT_API_KEY");
      case OFFLINE, FALLBACK -> List.of();
    };
  }

  /** Variables holding the API secret (LiveKit only), first set one wins. */
  static List<String> apiSecretVariables(ProviderType provider) {
    return provider == ProviderType.LIVEKIT_INFERENCE
        ? List.of("LIVEKIT_INFERENCE_API_SECRET", "LIVEKIT_API_SECRET")
        : List.of();
  }

  /** The variable holding the endpoint, if the provider has one. */
  static Optional<String> baseUrlVariable(ProviderType provider) {
    return switch (provider) {
      case OPENAI -> Optional.of("OPENAI_BASE_URL");
      case AZURE -> Optional.of("AZURE_OPENAI_ENDPOINT");
      case LIVEKIT_INFERENCE -> Optional.of("LIVEKIT_INFERENCE_URL");
      case OFFLINE, FALLBACK -> Optional.empty();
    };
  }

  /** The variable holding Azure's {@code api-version}. */
  static final String AZURE_API_VERSION = "OPENAI_API_VERSION";
}
