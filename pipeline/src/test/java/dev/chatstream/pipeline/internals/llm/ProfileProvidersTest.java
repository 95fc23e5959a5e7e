package dev.chatstream.pipeline.internals.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatstream.llm.fallback.FallbackAdapter;
import dev.chatstream.llm.livekit.LiveKitInferenceProvider;
import dev.chatstream.llm.offline.OfflineProvider;
import dev.chatstream.llm.openai.OpenAiChatProvider;
import dev.chatstream.llm.openai.OpenAiResponsesProvider;
import dev.chatstream.pipeline.config.ChatstreamConfig;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfileProvidersTest {

  private static ProviderRegistry registry(Map<String, String> settings, Map<String, String> environment) {
    var sources = ChatstreamConfig.sources().environment(environment);
    settings.forEach(sources::override);
    return ProfileProviders.registry(sources.load().llmProfiles());
  }

  @Test
  void buildsAProviderForEveryKindOfProfile() {
    try (ProviderRegistry registry = registry(Map.of(
        "llm.default.provider", "fallback",
        "llm.default.members", "gpt,azure,gateway,local",
        "llm.gpt.model", "gpt-4.1-mini",
        "llm.azure.provider", "azure",
        "llm.azure.base-url", "https://example.openai.azure.com",
        "llm.azure.azure.deployment", "prod-4o",
        "llm.gateway.provider", "livekit-inference",
        "llm.gateway.model", "openai/gpt-4.1-mini",
        "llm.local.provider", "offline",
        "llm.local.timeout-ms", "2500"),
        Map.of("OPENAI_API_KEY", "sk-test-openai", "AZURE_OPENAI_API_KEY", "az-test",
            "LIVEKIT_API_KEY", "lk-key", "LIVEKIT_API_SECRET", "lk-secret"))) {
      assertEquals("default", registry.defaultProfile());
      assertTrue(registry.provider(null) instanceof FallbackAdapter);
      assertTrue(registry.provider("gpt") instanceof OpenAiChatProvider);
      assertEquals("gpt-4.1-mini", registry.provider("gpt").model());
      assertEquals("azure.LLM", registry.provider("azure").label());
      assertTrue(registry.provider("gateway") instanceof LiveKitInferenceProvider);
      assertEquals("openai/gpt-4.1-mini", registry.provider("gateway").model());
      assertTrue(registry.provider("local") instanceof OfflineProvider);
      assertEquals(Duration.ofMillis(2500), registry.connectOptions("local").timeout());
      assertEquals(4, ((FallbackAdapter) registry.provider(null)).llms().size());
      assertTrue(registry.has("gateway"));
      assertFalse(registry.has("nope"));
    }
  }

  @Test
  void aResponsesProfileBuildsTheResponsesProvider() {
    try (ProviderRegistry registry = registry(Map.of("llm.r.provider", "openai-responses",
        "llm.r.responses.state", "conversation", "llm.r.timeout-ms", "4000"), Map.of("OPENAI_API_KEY", "sk-test"))) {
      assertTrue(registry.provider("r") instanceof OpenAiResponsesProvider);
      assertEquals("gpt-4.1", registry.provider("r").model());
      assertEquals("openai.responses.LLM", registry.provider("r").label());
      assertEquals("openai", registry.provider("r").provider());
      assertEquals(Duration.ofMillis(4000), registry.connectOptions("r").timeout());
    }
  }

  @Test
  void theDefaultIsTheOfflineProviderWhenNothingIsConfigured() {
    try (ProviderRegistry registry = registry(Map.of(), Map.of())) {
      assertTrue(registry.provider(null) instanceof OfflineProvider);
    }
  }

  @Test
  void aProfileThatCannotBeBuiltIsNamedWithoutItsSecret() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> registry(Map.of(
        "llm.gateway.provider", "livekit-inference", "llm.gateway.model", "openai/gpt-4.1-mini"),
        Map.of("LIVEKIT_API_KEY", "lk-key-visible-nowhere")));
    assertTrue(error.getMessage().startsWith("LLM profile 'gateway'"), error.getMessage());
    assertFalse(error.getMessage().contains("lk-key-visible-nowhere"), error.getMessage());
  }

  @Test
  void unknownProfilesAreAClearError() {
    try (ProviderRegistry registry = registry(Map.of(), Map.of())) {
      IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> registry.provider("fast"));
      assertTrue(error.getMessage().contains("no LLM profile 'fast'"), error.getMessage());
    }
  }
}
