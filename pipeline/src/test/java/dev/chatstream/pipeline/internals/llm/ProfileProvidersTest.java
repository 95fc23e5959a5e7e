package dev.chatstream.pipeline.internals.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatstream.llm.ConnectOptions;
import dev.chatstream.llm.LlmError;
import dev.chatstream.llm.LlmMetrics;
import dev.chatstream.llm.LlmProvider;
import dev.chatstream.llm.LlmRequest;
import dev.chatstream.llm.RecordingListener;
import dev.chatstream.llm.anthropic.AnthropicOptions;
import dev.chatstream.llm.anthropic.AnthropicProvider;
import dev.chatstream.llm.bedrock.BedrockProvider;
import dev.chatstream.llm.chat.ChatContext;
import dev.chatstream.llm.chat.ChatMessage;
import dev.chatstream.llm.chat.ChatRole;
import dev.chatstream.llm.fallback.FallbackAdapter;
import dev.chatstream.llm.google.GoogleProvider;
import dev.chatstream.llm.livekit.LiveKitInferenceProvider;
import dev.chatstream.llm.mistral.MistralProvider;
import dev.chatstream.llm.offline.OfflineProvider;
import dev.chatstream.llm.openai.OpenAiChatProvider;
import dev.chatstream.llm.openai.OpenAiResponsesProvider;
import dev.chatstream.llm.testing.Fixtures;
import dev.chatstream.llm.testing.Transcript;
import dev.chatstream.pipeline.config.ChatstreamConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

  @Test
  void buildsEveryNativeProviderAsAFallbackMember() {
    try (ProviderRegistry registry = registry(Map.of(
        "llm.default.provider", "fallback",
        "llm.default.members", "claude,gemini,aws,lechat",
        "llm.claude.provider", "anthropic",
        "llm.claude.anthropic.max-tokens", "2048",
        "llm.gemini.provider", "google",
        "llm.gemini.model", "gemini-2.5-pro",
        "llm.aws.provider", "bedrock",
        "llm.aws.bedrock.region", "eu-west-1",
        "llm.lechat.provider", "mistral"),
        Map.of("ANTHROPIC_API_KEY", "sk-ant-test", "GOOGLE_API_KEY", "google-test", "MISTRAL_API_KEY", "mistral-test"))) {
      FallbackAdapter fallback = (FallbackAdapter) registry.provider(null);
      assertEquals(List.of(AnthropicProvider.PROVIDER, GoogleProvider.PROVIDER, BedrockProvider.PROVIDER,
          MistralProvider.PROVIDER), fallback.llms().stream().map(LlmProvider::provider).toList());
      assertEquals(List.of(registry.provider("claude"), registry.provider("gemini"), registry.provider("aws"),
          registry.provider("lechat")), fallback.llms(), "the members are the profiles' own providers");
      assertEquals(AnthropicOptions.DEFAULT_MODEL, registry.provider("claude").model());
      assertEquals("gemini-2.5-pro", registry.provider("gemini").model());
      assertTrue(registry.provider("aws").toString().contains("eu-west-1"), registry.provider("aws").toString());
      assertEquals("mistral.LLM", registry.provider("lechat").label());
    }
  }

  @Test
  void aNativeProfileWithoutItsKeyIsNamed() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> registry(Map.of("llm.claude.provider", "anthropic"), Map.of()));
    assertEquals("LLM profile 'claude': an Anthropic API key is required (set ANTHROPIC_API_KEY)", error.getMessage());
    IllegalArgumentException gemini = assertThrows(IllegalArgumentException.class,
        () -> registry(Map.of("llm.gemini.provider", "google", "llm.gemini.google.vertex-ai", "true"), Map.of()));
    assertTrue(gemini.getMessage().startsWith("LLM profile 'gemini': Vertex AI needs an API key"), gemini.getMessage());
  }

  @Test
  void aFailingNativeMemberHandsTheRequestToTheNext() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
          if (request.getUrl().encodedPath().equals("/v1/messages")) {
            return new MockResponse.Builder().code(529).addHeader("Content-Type", "application/json")
                .body("{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}")
                .build();
          }
          return new MockResponse.Builder().addHeader("Content-Type", "text/event-stream")
              .body(new Buffer().write(Fixtures.bytes("gemini/stream-text.sse"))).build();
        }
      });
      server.start();
      try (ProviderRegistry registry = registry(Map.of(
          "llm.default.provider", "fallback", "llm.default.members", "claude,gemini",
          "llm.claude.provider", "anthropic", "llm.claude.base-url", server.url("/").toString(),
          "llm.gemini.provider", "google", "llm.gemini.base-url", server.url("/").toString()),
          Map.of("ANTHROPIC_API_KEY", "sk-ant-test", "GEMINI_API_KEY", "gemini-test"))) {
        RecordingListener listener = new RecordingListener();
        registry.provider(null).chat(hello().withConnectOptions(registry.connectOptions(null)), listener);
        Transcript transcript = Transcript.of(listener);

        assertEquals("The temperature in Paris is 30\u00b0C.\n", transcript.text());
        assertEquals("HTTP 529: overloaded_error: Overloaded", transcript.retries().getFirst().message());
        LlmMetrics metrics = transcript.metrics();
        assertEquals(GoogleProvider.PROVIDER, metrics.modelProvider());
        assertEquals("gemini-2.5-flash", metrics.modelName());
      }
    }
  }

  @Test
  void aVertexAiProjectSendsTheTokenInItsFileAtEachAttempt(@TempDir Path dir) throws Exception {
    Path tokenFile = dir.resolve("vertex-token");
    Files.writeString(tokenFile, "ya29.first-token\n");
    try (MockWebServer server = new MockWebServer()) {
      for (int i = 0; i < 2; i++) {
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/event-stream")
            .body(new Buffer().write(Fixtures.bytes("gemini/stream-text.sse"))).build());
      }
      server.start();
      Map<String, String> settings = new HashMap<>(Map.of("llm.default.provider", "google",
          "llm.default.google.vertex-ai", "true", "llm.default.google.project", "acme-ai",
          "llm.default.google.location", "europe-west4", "llm.default.google.access-token-file", tokenFile.toString(),
          "llm.default.base-url", server.url("/").toString()));
      try (ProviderRegistry registry = registry(settings, Map.of("GOOGLE_API_KEY", "never-sent"))) {
        LlmProvider gemini = registry.provider(null);
        Transcript.of(chat(gemini)).metrics();
        Files.writeString(tokenFile, "ya29.refreshed-token");
        Transcript.of(chat(gemini)).metrics();

        RecordedRequest first = server.takeRequest(10, TimeUnit.SECONDS);
        assertEquals("/v1/projects/acme-ai/locations/europe-west4/publishers/google/models/gemini-2.5-flash"
            + ":streamGenerateContent", first.getUrl().encodedPath());
        assertEquals("Bearer ya29.first-token", first.getHeaders().get("Authorization"));
        assertEquals(null, first.getHeaders().get("x-goog-api-key"));
        assertEquals("Bearer ya29.refreshed-token",
            server.takeRequest(10, TimeUnit.SECONDS).getHeaders().get("Authorization"));

        Files.delete(tokenFile);
        RecordingListener failing = chat(gemini);
        LlmError error = failing.takeError();
        assertTrue(error.message().contains("cannot read the access token file " + tokenFile), error.message());
        assertEquals(2, server.getRequestCount(), "nothing is sent without a token");
      }
    }
  }

  private static LlmRequest hello() {
    return LlmRequest.of("req-1", ChatContext.of(List.of(ChatMessage.of(ChatRole.USER, "Hi"))));
  }

  private static RecordingListener chat(LlmProvider provider) {
    RecordingListener listener = new RecordingListener();
    provider.chat(hello().withConnectOptions(new ConnectOptions(0, Duration.ZERO, Duration.ofSeconds(5))), listener);
    return listener;
  }
}
