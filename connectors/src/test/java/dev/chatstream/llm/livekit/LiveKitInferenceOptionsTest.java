package dev.chatstream.llm.livekit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LiveKitInferenceOptionsTest {

  @Test
  void prefersTheInferenceCredentials() {
    LiveKitInferenceOptions options = LiveKitInferenceOptions.fromEnvironment("openai/gpt-4.1-mini", Map.of(
        "LIVEKIT_INFERENCE_API_KEY", "inference-key", "LIVEKIT_INFERENCE_API_SECRET", "inference-secret",
        "LIVEKIT_API_KEY", "room-key", "LIVEKIT_API_SECRET", "room-secret"));

    assertEquals("inference-key", options.apiKey());
    assertEquals("inference-secret", options.apiSecret());
    assertEquals(LiveKitInferenceOptions.DEFAULT_BASE_URL, options.baseUrl());
  }

  @Test
  void fallsBackToTheLiveKitCredentials() {
    LiveKitInferenceOptions options = LiveKitInferenceOptions.fromEnvironment("openai/gpt-4.1-mini", Map.of(
        "LIVEKIT_INFERENCE_API_KEY", " ", "LIVEKIT_API_KEY", "room-key", "LIVEKIT_API_SECRET", "room-secret"));

    assertEquals("room-key", options.apiKey());
    assertEquals("room-secret", options.apiSecret());
  }

  @Test
  void readsTheGatewayUrl() {
    LiveKitInferenceOptions options = LiveKitInferenceOptions.fromEnvironment("m", Map.of(
        "LIVEKIT_API_KEY", "k", "LIVEKIT_API_SECRET", "s", "LIVEKIT_INFERENCE_URL", "https://gateway.example/v1"));

    assertEquals("https://gateway.example/v1", options.baseUrl());
  }

  @Test
  void aMissingKeyNamesTheVariables() {
    IllegalStateException error = assertThrows(IllegalStateException.class,
        () -> LiveKitInferenceOptions.fromEnvironment("m", Map.of("LIVEKIT_API_SECRET", "top-secret-value")));

    assertTrue(error.getMessage().contains("LIVEKIT_INFERENCE_API_KEY"), error.getMessage());
    assertTrue(error.getMessage().contains("LIVEKIT_API_KEY"), error.getMessage());
    assertFalse(error.getMessage().contains("top-secret-value"));
  }

  @Test
  void aMissingSecretNamesTheVariablesButNotTheKey() {
    IllegalStateException error = assertThrows(IllegalStateException.class,
        () -> LiveKitInferenceOptions.fromEnvironment("m", Map.of("LIVEKIT_INFERENCE_API_KEY", "visible-key-value")));

    assertTrue(error.getMessage().contains("LIVEKIT_INFERENCE_API_SECRET"), error.getMessage());
    assertTrue(error.getMessage().contains("LIVEKIT_API_SECRET"), error.getMessage());
    assertFalse(error.getMessage().contains("visible-key-value"));
  }

  @Test
  void explicitOptionsNeedBothCredentials() {
    assertThrows(IllegalArgumentException.class, () -> LiveKitInferenceOptions.of("m", "key", ""));
    assertThrows(IllegalArgumentException.class, () -> LiveKitInferenceOptions.of("m", null, "secret"));
    assertThrows(IllegalArgumentException.class, () -> LiveKitInferenceOptions.of(" ", "key", "secret"));
    assertThrows(IllegalArgumentException.class, () -> LiveKitInferenceOptions.of("m", "key", "secret").withBaseUrl("ftp://x"));
  }

  @Test
  void printsNoCredential() {
    String text = LiveKitInferenceOptions.of("m", "the-api-key", "the-api-secret").withProvider("openai").toString();

    assertFalse(text.contains("the-api-key"), text);
    assertFalse(text.contains("the-api-secret"), text);
    assertTrue(text.contains("provider=openai"), text);
  }

  @Test
  void anEmptyProviderMeansNone() {
    assertNull(LiveKitInferenceOptions.of("m", "k", "s").withProvider("").provider());
  }
}
