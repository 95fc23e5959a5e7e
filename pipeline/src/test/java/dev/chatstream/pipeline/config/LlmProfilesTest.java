package dev.chatstream.pipeline.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatstream.llm.ConnectOptions;
import dev.chatstream.llm.fallback.FallbackOptions;
import dev.chatstream.llm.offline.OfflinePacing;
import dev.chatstream.llm.openai.OpenAiChatOptions;
import dev.chatstream.llm.openai.OpenAiResponsesOptions;
import dev.chatstream.llm.openai.ResponsesState;
import dev.chatstream.llm.tools.ToolChoice;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class LlmProfilesTest {

  @Test
  void withNothingConfiguredTheDefaultIsOffline() {
    LlmProfiles profiles = load(Map.of(), Map.of());
    LlmProfile profile = profiles.defaultProfile();
    assertTrue(profiles.defaultIsImplicit());
    assertTrue(profiles.defaultIsOffline());
    assertEquals("default", profile.name());
    assertEquals(ProviderType.OFFLINE, profile.provider());
    assertEquals(Optional.of("offline-echo"), profile.model());
    assertEquals(new ProviderSettings.Offline(Duration.ofMillis(100), Duration.ofMillis(10)), profile.settings());
    assertEquals("Default LLM profile default: offline, model offline-echo (the offline provider, which answers "
        + "without any network): no profile named 'default' is configured and OPENAI_API_KEY is not set. "
        + "Set it, or configure llm.default.*, for a real model.", profiles.describeDefault());
    assertTrue(profiles.describeDefault().contains("OPENAI_API_KEY is not set"), profiles.describeDefault());
  }

  @Test
  void openAiKeyInTheEnvironmentMakesTheDefaultOpenAi() {
    LlmProfiles profiles = load(Map.of(), Map.of("OPENAI_API_KEY", "sk-test"));
    LlmProfile profile = profiles.defaultProfile();
    assertTrue(profiles.defaultIsImplicit());
    assertFalse(profiles.defaultIsOffline());
    assertEquals(ProviderType.OPENAI, profile.provider());
    assertEquals(Optional.of("gpt-4.1"), profile.model());
    assertEquals("sk-test", profile.apiKey().orElseThrow().value());
    assertFalse(profiles.describeDefault().contains("sk-test"));
  }

  @Test
  void configuredDefaultProfileIsUsedAsIs() {
    LlmProfiles profiles = load(Map.of("llm.default.provider", "offline", "llm.default.ttft-ms", "0"),
        Map.of("OPENAI_API_KEY", "sk-test"));
    assertFalse(profiles.defaultIsImplicit());
    assertTrue(profiles.defaultIsOffline());
    assertEquals(Duration.ZERO, ((ProviderSettings.Offline) profiles.defaultProfile().settings()).timeToFirstToken());
  }

  @Test
  void defaultLlmMustNameAConfiguredProfile() {
    ConfigException error = assertThrows(ConfigException.class,
        () -> load(Map.of("default.llm", "fast", "llm.slow.model", "gpt-4o"), Map.of()));
    assertEquals("default.llm names LLM profile 'fast', which is not configured (configured profiles: slow)",
        error.getMessage());
    LlmProfiles profiles = load(Map.of("default.llm", "slow", "llm.slow.model", "gpt-4o"), Map.of());
    assertEquals("slow", profiles.defaultProfile().name());
    assertFalse(profiles.find("default").isPresent());
  }

  @Test
  void profileWithoutProviderIsOpenAiCompatible() {
    LlmProfile local = profile(Map.of("llm.local.base-url", "http://localhost:11434/v1",
        "llm.local.model", "llama3.2"), Map.of(), "local");
    assertEquals(ProviderType.OPENAI, local.provider());
    assertEquals(Optional.of("http://localhost:11434/v1"), local.baseUrl());
    assertEquals(Optional.empty(), local.apiKey());
    assertEquals(ConnectOptions.defaults(), local.connectOptions());
  }

  @Test
  void apiKeysComeFromEachProvidersEnvironmentVariables() {
    Map<String, String> env = Map.of("OPENAI_API_KEY", "sk-openai", "AZURE_OPENAI_API_KEY", "az-key",
        "AZURE_OPENAI_ENDPOINT", "https://example.openai.azure.com", "OPENAI_API_VERSION", "2024-10-21",
        "LIVEKIT_API_KEY", "lk-key", "LIVEKIT_API_SECRET", "lk-secret");
    Map<String, String> settings = Map.of("llm.gpt.provider", "openai",
        "llm.az.provider", "azure", "llm.az.azure.deployment", "gpt4o-prod",
        "llm.lk.provider", "livekit-inference", "llm.lk.model", "openai/gpt-4.1-mini");
    assertEquals("sk-openai", profile(settings, env, "gpt").apiKey().orElseThrow().value());
    LlmProfile azure = profile(settings, env, "az");
    assertEquals("az-key", azure.apiKey().orElseThrow().value());
    assertEquals(Optional.of("https://example.openai.azure.com"), azure.baseUrl());
    assertEquals(new ProviderSettings.Azure(Optional.of("gpt4o-prod"), Optional.of("2024-10-21")), azure.settings());
    LlmProfile livekit = profile(settings, env, "lk");
    assertEquals("lk-key", livekit.apiKey().orElseThrow().value());
    ProviderSettings.LiveKitInference lk = assertInstanceOf(ProviderSettings.LiveKitInference.class,
        livekit.settings());
    assertEquals("lk-secret", lk.apiSecret().orElseThrow().value());
  }

  @Test
  void inferenceSpecificLiveKitVariablesWinOverGeneralOnes() {
    LlmProfile livekit = profile(Map.of("llm.lk.provider", "livekit-inference", "llm.lk.model", "m"),
        Map.of("LIVEKIT_API_KEY", "general", "LIVEKIT_INFERENCE_API_KEY", "inference"), "lk");
    assertEquals("inference", livekit.apiKey().orElseThrow().value());
  }

  @Test
  void configuredKeyWinsOverEnvironmentAndNamedVariableIsRead() {
    Map<String, String> env = Map.of("OPENAI_API_KEY", "sk-env", "TEAM_KEY", "sk-team");
    assertEquals("sk-config", profile(Map.of("llm.a.api-key", "sk-config"), env, "a").apiKey().orElseThrow().value());
    assertEquals("sk-team", profile(Map.of("llm.a.api-key-env", "TEAM_KEY"), env, "a").apiKey().orElseThrow().value());
  }

  @Test
  void namedKeyVariableMustBeSet() {
    ConfigException error = assertThrows(ConfigException.class,
        () -> load(Map.of("llm.a.api-key-env", "MISSING_KEY"), Map.of()));
    assertEquals("LLM profile 'a' (openai) llm.a.api-key-env names the environment variable MISSING_KEY, "
        + "which is not set", error.getMessage());
  }

  @Test
  void unknownProviderIsAnErrorNamingTheProfile() {
    ConfigException error = assertThrows(ConfigException.class,
        () -> load(Map.of("llm.x.provider", "cohere"), Map.of()));
    assertTrue(error.getMessage().startsWith("LLM profile 'x' (llm.x.*): Invalid value cohere"),
        error.getMessage());
    assertTrue(error.getMessage().contains(
        "openai, openai-responses, azure, livekit-inference, anthropic, google, bedrock, mistral, offline, fallback"),
        error.getMessage());
  }

  @Test
  void unknownProfileSettingIsAnError() {
    ConfigException error = assertThrows(ConfigException.class, () -> load(Map.of("llm.x.modle", "m"), Map.of()));
    assertTrue(error.getMessage().startsWith("Unknown LLM profile setting llm.x.modle"), error.getMessage());
    assertThrows(ConfigException.class, () -> load(Map.of("llm.model", "m"), Map.of()));
  }

  @Test
  void providerSpecificSettingOnAnotherProviderIsAnError() {
    ConfigException error = assertThrows(ConfigException.class,
        () -> load(Map.of("llm.x.provider", "openai", "llm.x.members", "a,b"), Map.of()));
    assertEquals("llm.x.members does not apply to openai profiles; only fallback profiles take it", error.getMessage());
    assertThrows(ConfigException.class,
        () -> load(Map.of("llm.x.provider", "offline", "llm.x.api-key", "k"), Map.of()));
  }

  @Test
  void requiredSettingsAreReported() {
    ConfigException livekit = assertThrows(ConfigException.class,
        () -> load(Map.of("llm.lk.provider", "livekit-inference"), Map.of()));
    assertEquals("LLM profile 'lk' (livekit-inference) needs llm.lk.model (for example openai/gpt-4.1-mini)",
        livekit.getMessage());
    ConfigException azureModel = assertThrows(ConfigException.class, () -> load(Map.of("llm.az.provider",
        "azure", "llm.az.base-url", "https://x.openai.azure.com"), Map.of()));
    assertEquals("LLM profile 'az' (azure) needs llm.az.model or llm.az.azure.deployment", azureModel.getMessage());
    ConfigException azureEndpoint = assertThrows(ConfigException.class,
        () -> load(Map.of("llm.az.provider", "azure", "llm.az.model", "gpt-4o"), Map.of()));
    assertTrue(azureEndpoint.getMessage().contains("AZURE_OPENAI_ENDPOINT"), azureEndpoint.getMessage());
  }

  @Test
  void fallbackResolvesMembersInOrderWithItsOwnDefaults() {
    LlmProfiles profiles = load(Map.of(
        "llm.primary.model", "gpt-4.1",
        "llm.local.provider", "offline",
        "llm.fb.provider", "fallback",
        "llm.fb.members", "primary, local",
        "default.llm", "fb"), Map.of());
    LlmProfile fallback = profiles.defaultProfile();
    assertEquals(new ProviderSettings.Fallback(List.of("primary", "local"), Duration.ofSeconds(5), 0,
        Duration.ofMillis(500), false), fallback.settings());
    assertEquals(new ConnectOptions(0, Duration.ofMillis(500), Duration.ofSeconds(5)), fallback.connectOptions());
    assertEquals(List.of("primary", "local"), profiles.members(fallback).stream().map(LlmProfile::name).toList());
    assertEquals(Optional.empty(), fallback.model());
    assertThrows(IllegalArgumentException.class, () -> profiles.members(profiles.find("local").orElseThrow()));
  }

  @Test
  void profileDefaultsAreTheConnectorsOwn() {
    LlmProfiles profiles = load(Map.of(
        "llm.primary.model", "gpt-4.1",
        "llm.local.provider", "offline",
        "llm.fb.provider", "fallback",
        "llm.fb.members", "primary, local"), Map.of());
    assertEquals(ConnectOptions.defaults(), profiles.find("primary").orElseThrow().connectOptions());
    assertEquals(FallbackOptions.defaults().memberConnectOptions(), profiles.find("fb").orElseThrow().connectOptions());
    ProviderSettings.Fallback fallback = (ProviderSettings.Fallback) profiles.find("fb").orElseThrow().settings();
    assertEquals(FallbackOptions.defaults(), FallbackOptions.defaults().withAttemptTimeout(fallback.attemptTimeout())
        .withMaxRetryPerLlm(fallback.maxRetryPerLlm()).withRetryInterval(fallback.retryInterval())
        .withRetryOnChunkSent(fallback.retryOnChunkSent()));
    assertEquals(new ProviderSettings.Offline(OfflinePacing.defaults().timeToFirstToken(),
        OfflinePacing.defaults().interTokenDelay()), profiles.find("local").orElseThrow().settings());
    assertEquals(Optional.of(OpenAiChatOptions.DEFAULT_MODEL), load(Map.of("llm.x.provider", "openai"), Map.of())
        .find("x").orElseThrow().model());
  }

  @Test
  void fallbackMembersMustExist() {
    ConfigException error = assertThrows(ConfigException.class,
        () -> load(Map.of("llm.fb.provider", "fallback", "llm.fb.members", "ghost"), Map.of()));
    assertEquals("LLM profile 'fb' (fallback) lists member 'ghost', which is not a configured profile "
        + "(profiles: fb, default)", error.getMessage());
  }

  @Test
  void fallbackNeedsMembersAndMayNotListItselfOrRepeat() {
    assertEquals("LLM profile 'fb' (fallback) needs llm.fb.members: the profiles to try, in order",
        assertThrows(ConfigException.class, () -> load(Map.of("llm.fb.provider", "fallback"), Map.of()))
            .getMessage());
    assertEquals("LLM profile 'fb' (fallback) lists itself as a member", assertThrows(ConfigException.class,
        () -> load(Map.of("llm.fb.provider", "fallback", "llm.fb.members", "fb"), Map.of())).getMessage());
    assertThrows(ConfigException.class, () -> load(Map.of("llm.fb.provider", "fallback",
        "llm.fb.members", "default,default"), Map.of()));
  }

  @Test
  void fallbackCycleIsAnErrorShowingTheCycle() {
    ConfigException error = assertThrows(ConfigException.class, () -> load(Map.of(
        "llm.a.provider", "fallback", "llm.a.members", "b",
        "llm.b.provider", "fallback", "llm.b.members", "default,c",
        "llm.c.provider", "fallback", "llm.c.members", "a"), Map.of()));
    assertEquals("LLM fallback profiles form a cycle: a -> b -> c -> a", error.getMessage());
  }

  @Test
  void nestedFallbackWithoutCycleIsAccepted() {
    LlmProfiles profiles = load(Map.of(
        "llm.inner.provider", "fallback", "llm.inner.members", "default",
        "llm.outer.provider", "fallback", "llm.outer.members", "inner,default"), Map.of());
    assertEquals(List.of("inner", "default"),
        profiles.members(profiles.find("outer").orElseThrow()).stream().map(LlmProfile::name).toList());
  }

  @Test
  void optionsAreParsedAsJsonWhenTheyAreJson() {
    Map<String, String> settings = new HashMap<>();
    settings.put("llm.gpt.options.temperature", "0.2");
    settings.put("llm.gpt.options.max_tokens", "256");
    settings.put("llm.gpt.options.store", "false");
    settings.put("llm.gpt.options.user", "team-a");
    settings.put("llm.gpt.options.metadata", "{\"tier\": \"gold\"}");
    settings.put("llm.gpt.options.stop", "[\"\\n\\n\"]");
    settings.put("llm.gpt.options.seed", "42abc");
    settings.put("llm.gpt.options.logit_bias", "null");
    Map<String, Object> options = profile(settings, Map.of(), "gpt").options();
    assertEquals(0.2, options.get("temperature"));
    assertEquals(256, options.get("max_tokens"));
    assertEquals(false, options.get("store"));
    assertEquals("team-a", options.get("user"));
    assertEquals(Map.of("tier", "gold"), options.get("metadata"));
    assertEquals(List.of("\n\n"), options.get("stop"));
    assertEquals("42abc", options.get("seed"));
    assertTrue(options.containsKey("logit_bias"));
    assertEquals(null, options.get("logit_bias"));
  }

  @Test
  void connectOptionsAreConfigurableAndNegativeValuesRejected() {
    LlmProfile gpt = profile(Map.of("llm.gpt.max-retry", "5", "llm.gpt.retry-interval-ms", "250",
        "llm.gpt.timeout-ms", "30000"), Map.of(), "gpt");
    assertEquals(new ConnectOptions(5, Duration.ofMillis(250), Duration.ofSeconds(30)), gpt.connectOptions());
    assertThrows(ConfigException.class, () -> load(Map.of("llm.gpt.max-retry", "-1"), Map.of()));
    assertThrows(ConfigException.class, () -> load(Map.of("llm.gpt.retry-interval-ms", "-1"), Map.of()));
  }

  @Test
  void secretsStayOutOfToStringSummariesAndErrors() {
    LlmProfile gpt = profile(Map.of("llm.gpt.api-key", "sk-secret-value"), Map.of(), "gpt");
    assertFalse(gpt.toString().contains("sk-secret-value"), gpt.toString());
    assertFalse(gpt.summary().contains("sk-secret-value"), gpt.summary());
    LlmProfile lk = profile(Map.of("llm.lk.provider", "livekit-inference", "llm.lk.model", "m",
        "llm.lk.api-secret", "lk-secret-value"), Map.of(), "lk");
    assertFalse(lk.toString().contains("lk-secret-value"), lk.toString());
    ConfigException error = assertThrows(ConfigException.class, () -> load(Map.of(
        "llm.gpt.api-key", "sk-secret-value", "llm.gpt.timeout-ms", "soon"), Map.of()));
    assertFalse(error.getMessage().contains("sk-secret-value"), error.getMessage());
    ConfigException offline = assertThrows(ConfigException.class, () -> load(Map.of(
        "llm.o.provider", "offline", "llm.o.api-key", "sk-secret-value"), Map.of()));
    assertFalse(offline.getMessage().contains("sk-secret-value"), offline.getMessage());
  }

  @Test
  void aResponsesProfileTakesTheConnectorsDefaultsAndOpenAisEnvironment() {
    LlmProfile profile = profile(Map.of("llm.r.provider", "openai-responses"),
        Map.of("OPENAI_API_KEY", "sk-test", "OPENAI_BASE_URL", "https://proxy.example/v1"), "r");

    assertEquals(ProviderType.OPENAI_RESPONSES, profile.provider());
    assertEquals(Optional.of(OpenAiResponsesOptions.DEFAULT_MODEL), profile.model());
    assertEquals("sk-test", profile.apiKey().orElseThrow().value());
    assertEquals(Optional.of("https://proxy.example/v1"), profile.baseUrl());
    assertEquals(new ProviderSettings.OpenAiResponses(OpenAiResponsesOptions.DEFAULT_USE_WEBSOCKET,
        OpenAiResponsesOptions.DEFAULT_STATE, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Map.of()), profile.settings());
  }

  @Test
  void aResponsesProfileReadsTheOptionsOfTheReference() {
    Map<String, String> settings = new HashMap<>();
    settings.put("llm.r.provider", "openai-responses");
    settings.put("llm.r.model", "gpt-5-mini");
    settings.put("llm.r.responses.use-websocket", "false");
    settings.put("llm.r.responses.state", "conversation");
    settings.put("llm.r.responses.store", "true");
    settings.put("llm.r.responses.user", "user-7");
    settings.put("llm.r.responses.temperature", "0.3");
    settings.put("llm.r.responses.parallel-tool-calls", "false");
    settings.put("llm.r.responses.reasoning-effort", "low");
    settings.put("llm.r.responses.tool-choice", "get_weather");
    settings.put("llm.r.responses.metadata", "tenant=acme, tier = gold");

    LlmProfile profile = profile(settings, Map.of("OPENAI_API_KEY", "sk-test"), "r");

    assertEquals(new ProviderSettings.OpenAiResponses(false, ResponsesState.CONVERSATION, Optional.of(true),
        Optional.of("user-7"), Optional.of(0.3), Optional.of(false), Optional.of("low"),
        Optional.of(ToolChoice.function("get_weather")), Map.of("tenant", "acme", "tier", "gold")),
        profile.settings());
  }

  @Test
  void responsesSettingsAreValidatedAndOnlyForResponsesProfiles() {
    Map<String, String> key = Map.of("OPENAI_API_KEY", "sk-test");
    for (Map<String, String> bad : List.of(
        Map.of("llm.r.provider", "openai-responses", "llm.r.responses.state", "thread"),
        Map.of("llm.r.provider", "openai-responses", "llm.r.responses.temperature", "2.5"),
        Map.of("llm.r.provider", "openai-responses", "llm.r.responses.metadata", "no-equals-sign"),
        Map.of("llm.r.provider", "openai-responses", "llm.r.responses.state", "conversation",
            "llm.r.responses.store", "false"))) {
      assertThrows(ConfigException.class, () -> load(bad, key), bad.toString());
    }
    ConfigException elsewhere = assertThrows(ConfigException.class,
        () -> load(Map.of("llm.o.provider", "openai", "llm.o.responses.state", "none"), key));
    assertEquals("llm.o.responses.state does not apply to openai profiles; only openai-responses profiles take it",
        elsewhere.getMessage());
  }

  @Test
  void providerIdsRoundTrip() {
    Arrays.stream(ProviderType.values())
        .forEach(type -> assertEquals(Optional.of(type), ProviderType.fromId(type.id())));
    assertEquals(Optional.empty(), ProviderType.fromId("OpenAI"));
  }

  private static LlmProfiles load(Map<String, String> settings, Map<String, String> environment) {
    return ChatstreamConfig.sources().environment(environment).overrides(settings).load().llmProfiles();
  }

  private static LlmProfile profile(Map<String, String> settings, Map<String, String> environment, String name) {
    return load(settings, environment).find(name).orElseThrow();
  }
}
