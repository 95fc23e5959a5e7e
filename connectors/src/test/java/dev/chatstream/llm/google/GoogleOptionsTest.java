package dev.chatstream.llm.google;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class GoogleOptionsTest {

  private static final String KEY = "AIza-OPTIONS-CANARY-123456789";

  @Test
  void theGeminiApiByDefault() {
    GoogleOptions options = GoogleOptions.of(KEY, null);

    assertEquals("gemini-2.5-flash", options.model());
    assertEquals("https://generativelanguage.googleapis.com", options.baseUrl());
    assertFalse(options.vertexAi());
    assertEquals("google.LLM", options.label());
  }

  @Test
  void prefersGoogleApiKeyOverGeminiApiKey() {
    assertEquals(KEY, GoogleOptions.fromEnvironment(null,
        Map.of("GOOGLE_API_KEY", KEY, "GEMINI_API_KEY", "other-key-000")).apiKey());
    assertEquals(KEY, GoogleOptions.fromEnvironment(null, Map.of("GEMINI_API_KEY", KEY)).apiKey());
  }

  @Test
  void theEnvironmentSelectsVertexAiExpressMode() {
    GoogleOptions options = GoogleOptions.fromEnvironment("gemini-2.5-pro",
        Map.of("GOOGLE_API_KEY", KEY, "GOOGLE_GENAI_USE_VERTEXAI", "true"));

    assertTrue(options.vertexAi());
    assertFalse(options.usesAccessTokens());
    assertEquals("https://aiplatform.googleapis.com", options.baseUrl());
  }

  @Test
  void vertexAiInAProjectUsesItsRegionalEndpoint() {
    assertEquals("https://europe-west4-aiplatform.googleapis.com",
        GoogleOptions.vertexAi("p", "europe-west4", () -> "t", null).baseUrl());
    assertEquals("https://us-central1-aiplatform.googleapis.com", GoogleOptions.vertexAi("p", null, () -> "t", null).baseUrl());
    assertEquals("https://aiplatform.googleapis.com", GoogleOptions.vertexAi("p", "global", () -> "t", null).baseUrl());
  }

  @Test
  void aMissingCredentialIsAClearError() {
    IllegalStateException missing = assertThrows(IllegalStateException.class,
        () -> GoogleOptions.fromEnvironment(null, Map.of()));
    assertTrue(missing.getMessage().contains("GOOGLE_API_KEY"), missing.getMessage());
    IllegalArgumentException vertex = assertThrows(IllegalArgumentException.class,
        () -> GoogleOptions.vertexAi(null, null, () -> "t", null));
    assertTrue(vertex.getMessage().contains("GOOGLE_CLOUD_PROJECT"), vertex.getMessage());
  }

  @Test
  void neverPrintsTheKeyOrATokenSupplier() {
    assertFalse(GoogleOptions.of(KEY, null).toString().contains(KEY));
    assertTrue(GoogleOptions.vertexAi("p", null, () -> "t", null).toString().contains("accessTokens=[hidden]"));
  }
}
