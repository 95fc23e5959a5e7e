package dev.chatstream.pipeline.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatstream.llm.ConnectOptions;
import dev.chatstream.llm.anthropic.AnthropicOptions;
import dev.chatstream.llm.bedrock.BedrockOptions;
import dev.chatstream.llm.google.GoogleOptions;
import dev.chatstream.llm.mistral.MistralOptions;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

/** Profiles of the native providers: anthropic, google, bedrock and mistral. */
class NativeProfilesTest {

  @Test
  void nativeProfileDefaultsAreTheConnectorsOwn() {
    LlmProfiles profiles = load(Map.of("llm.claude.provider", "anthropic", "llm.gemini.provider", "google",
        "llm.aws.provider", "bedrock", "llm.le-chat.provider", "mistral"), Map.of());

    LlmProfile claude = find(profiles, "claude");
    assertEquals(Optional.of(AnthropicOptions.DEFAULT_MODEL), claude.model());
    assertEquals(new ProviderSettings.Anthropic(AnthropicOptions.DEFAULT_MAX_TOKENS,
        AnthropicOptions.DEFAULT_PROMPT_CACHING), claude.settings());
    LlmProfile gemini = find(profiles, "gemini");
    assertEquals(Optional.of(GoogleOptions.DEFAULT_MODEL), gemini.model());
    assertEquals(new ProviderSettings.Google(false, Optional.empty()), gemini.settings());
    LlmProfile aws = find(profiles, "aws");
    assertEquals(Optional.of(BedrockOptions.DEFAULT_MODEL), aws.model());
    assertEquals(new ProviderSettings.Bedrock(Optional.empty(), new BedrockCredentials.DefaultChain()), aws.settings());
    LlmProfile mistral = find(profiles, "le-chat");
    assertEquals(Optional.of(MistralOptions.DEFAULT_MODEL), mistral.model());
    assertEquals(new ProviderSettings.Mistral(), mistral.settings());
    for (LlmProfile profile : List.of(claude, gemini, aws, mistral)) {
      assertEquals(ConnectOptions.defaults(), profile.connectOptions(), profile.name());
      assertEquals(Optional.empty(), profile.baseUrl(), "the connector's own endpoint: " + profile.name());
      assertEquals(Optional.empty(), profile.apiKey(), profile.name());
    }
    LlmProfile project = profile(Map.of("llm.v.provider", "google", "llm.v.google.vertex-ai", "true",
        "llm.v.google.project", "p", "llm.v.google.access-token-file", "/run/token"), Map.of(), "v");
    assertEquals(GoogleOptions.DEFAULT_LOCATION,
        ((ProviderSettings.Google) project.settings()).vertexProject().orElseThrow().location());
  }

  @Test
  void keysAndEndpointsComeFromEachVendorsEnvironmentVariables() {
    Map<String, String> env = Map.of("ANTHROPIC_API_KEY", "sk-ant-env", "ANTHROPIC_BASE_URL",
        "https://proxy.example/anthropic", "GOOGLE_API_KEY", "google-env", "GEMINI_API_KEY", "gemini-env",
        "MISTRAL_API_KEY", "mistral-env");
    Map<String, String> settings = Map.of("llm.c.provider", "anthropic", "llm.g.provider", "google",
        "llm.m.provider", "mistral");

    LlmProfile claude = profile(settings, env, "c");
    assertEquals("sk-ant-env", claude.apiKey().orElseThrow().value());
    assertEquals(Optional.of("https://proxy.example/anthropic"), claude.baseUrl());
    assertEquals("google-env", profile(settings, env, "g").apiKey().orElseThrow().value(), "GOOGLE_API_KEY first");
    assertEquals("gemini-env", profile(settings, Map.of("GEMINI_API_KEY", "gemini-env"), "g").apiKey().orElseThrow()
        .value());
    assertEquals("mistral-env", profile(settings, env, "m").apiKey().orElseThrow().value());
    assertEquals("sk-ant-config", profile(Map.of("llm.c.provider", "anthropic", "llm.c.api-key", "sk-ant-config"),
        env, "c").apiKey().orElseThrow().value(), "the profile's key wins");
  }

  @Test
  void anthropicMaxTokensAndPromptCachingAreSettings() {
    LlmProfile claude = profile(Map.of("llm.c.provider", "anthropic", "llm.c.model", "claude-opus-4-1",
        "llm.c.anthropic.max-tokens", "4096", "llm.c.anthropic.prompt-caching", "true"), Map.of(), "c");
    assertEquals(Optional.of("claude-opus-4-1"), claude.model());
    assertEquals(new ProviderSettings.Anthropic(4096, true), claude.settings());
    ConfigException zero = assertThrows(ConfigException.class, () -> load(Map.of("llm.c.provider", "anthropic",
        "llm.c.anthropic.max-tokens", "0"), Map.of()));
    assertTrue(zero.getMessage().startsWith("LLM profile 'c' (llm.c.*): Invalid value 0 for configuration "
        + "anthropic.max-tokens"), zero.getMessage());
  }

  @Test
  void googleSelectsVertexAiFromTheSettingOrTheEnvironment() {
    Map<String, String> gemini = Map.of("llm.g.provider", "google");
    assertEquals(new ProviderSettings.Google(true, Optional.empty()),
        profile(gemini, Map.of("GOOGLE_GENAI_USE_VERTEXAI", "1"), "g").settings());
    assertEquals(new ProviderSettings.Google(true, Optional.empty()),
        profile(gemini, Map.of("GOOGLE_GENAI_USE_VERTEXAI", "True"), "g").settings());
    assertEquals(new ProviderSettings.Google(false, Optional.empty()),
        profile(gemini, Map.of("GOOGLE_GENAI_USE_VERTEXAI", "no"), "g").settings());
    assertEquals(new ProviderSettings.Google(false, Optional.empty()), profile(Map.of("llm.g.provider", "google",
        "llm.g.google.vertex-ai", "false"), Map.of("GOOGLE_GENAI_USE_VERTEXAI", "true"), "g").settings());
  }

  @Test
  void googleVertexAiProjectTakesItsTokensFromAFileAndNoKey() {
    Map<String, String> settings = Map.of("llm.v.provider", "google", "llm.v.google.vertex-ai", "true",
        "llm.v.google.access-token-file", "/run/secrets/vertex-token");
    LlmProfile vertex = profile(settings, Map.of("GOOGLE_CLOUD_PROJECT", "acme-ai", "GOOGLE_CLOUD_LOCATION",
        "europe-west4", "GOOGLE_API_KEY", "unused-key"), "v");
    assertEquals(new ProviderSettings.Google(true, Optional.of(new ProviderSettings.VertexProject("acme-ai",
        "europe-west4", Path.of("/run/secrets/vertex-token")))), vertex.settings());
    assertEquals(Optional.empty(), vertex.apiKey(), "a project sends tokens, not a key");
    assertEquals("v: google, model " + GoogleOptions.DEFAULT_MODEL + ", on Vertex AI (project acme-ai in europe-west4)",
        vertex.summary());
    Map<String, String> configured = new HashMap<>(settings);
    configured.put("llm.v.google.project", "other");
    configured.put("llm.v.google.location", "global");
    assertEquals(new ProviderSettings.VertexProject("other", "global", Path.of("/run/secrets/vertex-token")),
        ((ProviderSettings.Google) profile(configured, Map.of("GOOGLE_CLOUD_PROJECT", "acme-ai"), "v").settings())
            .vertexProject().orElseThrow());
  }

  @Test
  void googleProjectSettingsNeedVertexAiAndTheirTokens() {
    assertEquals("LLM profile 'g' (google) llm.g.google.project applies to Vertex AI only "
        + "(llm.g.google.vertex-ai=true)", error(Map.of("llm.g.provider", "google", "llm.g.google.project", "p")));
    assertEquals("LLM profile 'g' (google) llm.g.google.location applies with llm.g.google.access-token-file only: "
        + "Vertex AI with an API key (express mode) takes no project", error(Map.of("llm.g.provider", "google",
            "llm.g.google.vertex-ai", "true", "llm.g.google.location", "us-east4")));
    assertEquals("LLM profile 'g' (google) needs llm.g.google.project or GOOGLE_CLOUD_PROJECT: the project of the "
        + "tokens in llm.g.google.access-token-file", error(Map.of("llm.g.provider", "google",
            "llm.g.google.vertex-ai", "true", "llm.g.google.access-token-file", "/run/token")));
    assertEquals("LLM profile 'g' (google) reaches its Vertex AI project with the tokens of "
        + "llm.g.google.access-token-file and takes no API key; drop one or the other", error(Map.of(
            "llm.g.provider", "google", "llm.g.google.vertex-ai", "true", "llm.g.google.project", "p",
            "llm.g.google.access-token-file", "/run/token", "llm.g.api-key", "k")));
    assertTrue(error(Map.of("llm.g.provider", "google", "llm.g.google.vertex-ai", "true", "llm.g.google.project", "p",
        "llm.g.google.access-token-file", "/run/token", "llm.g.google.location", "Europe West"))
        .startsWith("LLM profile 'g' (llm.g.*): Invalid value Europe West for configuration google.location"));
  }

  @Test
  void bedrockRegionAndStaticCredentialsComeFromTheAwsEnvironment() {
    Map<String, String> settings = Map.of("llm.b.provider", "bedrock");
    LlmProfile bedrock = profile(settings, Map.of("AWS_REGION", "eu-central-1", "AWS_DEFAULT_REGION", "us-west-2",
        "AWS_ACCESS_KEY_ID", "AKIDENVIRONMENT", "AWS_SECRET_ACCESS_KEY", "env-secret", "AWS_SESSION_TOKEN",
        "env-token"), "b");
    ProviderSettings.Bedrock aws = (ProviderSettings.Bedrock) bedrock.settings();
    assertEquals(Optional.of("eu-central-1"), aws.region(), "AWS_REGION first");
    BedrockCredentials.Static credentials = (BedrockCredentials.Static) aws.credentials();
    assertEquals(List.of("AKIDENVIRONMENT", "env-secret", "env-token"), List.of(credentials.accessKeyId().value(),
        credentials.secretAccessKey().value(), credentials.sessionToken().orElseThrow().value()));
    assertEquals(Optional.of("us-west-2"), ((ProviderSettings.Bedrock) profile(settings,
        Map.of("AWS_DEFAULT_REGION", "us-west-2"), "b").settings()).region());
    assertEquals(new BedrockCredentials.DefaultChain(), ((ProviderSettings.Bedrock) profile(settings,
        Map.of("AWS_ACCESS_KEY_ID", "AKIDALONE"), "b").settings()).credentials(), "a key id without its secret");
    ConfigException region = assertThrows(ConfigException.class, () -> load(settings,
        Map.of("AWS_REGION", "EU Central")));
    assertTrue(region.getMessage().startsWith("LLM profile 'b' (bedrock) cannot use the environment: "
        + "Invalid value EU Central for configuration AWS_REGION"), region.getMessage());
  }

  @Test
  void bedrockSettingsWinOverTheEnvironment() {
    Map<String, String> env = Map.of("AWS_REGION", "eu-central-1", "AWS_ACCESS_KEY_ID", "AKIDENVIRONMENT",
        "AWS_SECRET_ACCESS_KEY", "env-secret");
    ProviderSettings.Bedrock configured = (ProviderSettings.Bedrock) profile(Map.of("llm.b.provider", "bedrock",
        "llm.b.bedrock.region", "ap-southeast-2", "llm.b.bedrock.access-key-id", "AKIDCONFIG",
        "llm.b.bedrock.secret-access-key", "config-secret"), env, "b").settings();
    assertEquals(Optional.of("ap-southeast-2"), configured.region());
    BedrockCredentials.Static credentials = (BedrockCredentials.Static) configured.credentials();
    assertEquals("AKIDCONFIG", credentials.accessKeyId().value());
    assertEquals(Optional.empty(), credentials.sessionToken());
    assertEquals(new BedrockCredentials.SharedProfile("prod"), ((ProviderSettings.Bedrock) profile(Map.of(
        "llm.b.provider", "bedrock", "llm.b.bedrock.credentials-profile", "prod"), env, "b").settings())
        .credentials(), "a named profile wins over the environment's keys");
  }

  @Test
  void bedrockCredentialsMustBeWholeAndOfOneKind() {
    assertEquals("LLM profile 'b' (bedrock) needs both llm.b.bedrock.access-key-id and llm.b.bedrock.secret-access-key "
        + "for static credentials", error(Map.of("llm.b.provider", "bedrock", "llm.b.bedrock.access-key-id", "AKID")));
    assertEquals("LLM profile 'b' (bedrock) needs both llm.b.bedrock.access-key-id and llm.b.bedrock.secret-access-key "
        + "for static credentials", error(Map.of("llm.b.provider", "bedrock", "llm.b.bedrock.session-token", "t")));
    assertEquals("LLM profile 'b' (bedrock) names both llm.b.bedrock.credentials-profile and static credentials; use "
        + "one or the other", error(Map.of("llm.b.provider", "bedrock", "llm.b.bedrock.credentials-profile", "prod",
            "llm.b.bedrock.access-key-id", "AKID", "llm.b.bedrock.secret-access-key", "s")));
    assertEquals("llm.b.api-key does not apply to bedrock profiles", error(Map.of("llm.b.provider", "bedrock",
        "llm.b.api-key", "k")));
    assertTrue(error(Map.of("llm.b.provider", "bedrock", "llm.b.bedrock.region", "us east 1"))
        .startsWith("LLM profile 'b' (llm.b.*): Invalid value us east 1 for configuration bedrock.region"));
  }

  @Test
  void providerSpecificSettingsAreRejectedOnOtherProviders() {
    assertEquals("llm.m.anthropic.max-tokens does not apply to mistral profiles; only anthropic profiles take it",
        error(Map.of("llm.m.provider", "mistral", "llm.m.anthropic.max-tokens", "100")));
    assertEquals("llm.c.google.vertex-ai does not apply to anthropic profiles; only google profiles take it",
        error(Map.of("llm.c.provider", "anthropic", "llm.c.google.vertex-ai", "true")));
    assertEquals("llm.g.bedrock.region does not apply to google profiles; only bedrock profiles take it",
        error(Map.of("llm.g.provider", "google", "llm.g.bedrock.region", "us-east-1")));
    assertEquals("llm.o.bedrock.access-key-id does not apply to openai profiles; only bedrock profiles take it",
        error(Map.of("llm.o.bedrock.access-key-id", "AKID")));
  }

  @Test
  void optionsPassThroughToNativeProfiles() {
    LlmProfile claude = profile(Map.of("llm.c.provider", "anthropic", "llm.c.options.temperature", "0.3",
        "llm.c.options.thinking", "{\"type\":\"enabled\",\"budget_tokens\":2048}"), Map.of(), "c");
    assertEquals(Map.of("temperature", 0.3, "thinking", Map.of("type", "enabled", "budget_tokens", 2048)),
        claude.options());
    LlmProfile bedrock = profile(Map.of("llm.b.provider", "bedrock", "llm.b.options.max_tokens", "512"), Map.of(), "b");
    assertEquals(Map.of("max_tokens", 512), bedrock.options());
  }

  @Test
  void nativeSettingsAreReadFromChatstreamEnvironmentVariables() {
    LlmProfiles profiles = load(Map.of(), Map.of("CHATSTREAM_LLM_CLAUDE_PROVIDER", "anthropic",
        "CHATSTREAM_LLM_CLAUDE_ANTHROPIC_MAX_TOKENS", "2048", "CHATSTREAM_LLM_AWS_PROVIDER", "bedrock",
        "CHATSTREAM_LLM_AWS_BEDROCK_CREDENTIALS_PROFILE", "dev"));
    assertEquals(new ProviderSettings.Anthropic(2048, false), find(profiles, "claude").settings());
    assertEquals(new BedrockCredentials.SharedProfile("dev"),
        ((ProviderSettings.Bedrock) find(profiles, "aws").settings()).credentials());
  }

  @Test
  void nativeSecretsAreNeverPrinted() {
    Map<String, String> settings = Map.of("llm.c.provider", "anthropic", "llm.c.api-key", "sk-ant-secret-value",
        "llm.b.provider", "bedrock", "llm.b.bedrock.region", "eu-west-1",
        "llm.b.bedrock.access-key-id", "AKIDSECRETVALUE", "llm.b.bedrock.secret-access-key", "aws-secret-value",
        "llm.b.bedrock.session-token", "aws-token-value");
    ChatstreamConfig config = ChatstreamConfig.sources().environment(Map.of()).overrides(settings).load();
    LlmProfile bedrock = find(config.llmProfiles(), "b");
    assertEquals("b: bedrock, model " + BedrockOptions.DEFAULT_MODEL + ", region eu-west-1, static AWS credentials "
        + "[hidden]", bedrock.summary());
    List<String> secrets = List.of("sk-ant-secret-value", "AKIDSECRETVALUE", "aws-secret-value", "aws-token-value");
    for (String text : List.of(config.describe(), config.toString(), config.llmProfiles().toString(),
        bedrock.toString(), find(config.llmProfiles(), "c").toString())) {
      for (String secret : secrets) {
        assertFalse(text.contains(secret), text);
      }
    }
    assertTrue(config.describe().contains("llm.b.bedrock.secret-access-key = [hidden]"), config.describe());
    assertTrue(config.describe().contains("llm.b.bedrock.access-key-id = [hidden]"), config.describe());
    assertTrue(config.describe().contains("llm.b.bedrock.session-token = [hidden]"), config.describe());
    ConfigException error = assertThrows(ConfigException.class, () -> load(Map.of("llm.b.provider", "bedrock",
        "llm.b.bedrock.secret-access-key", "aws-secret-value"), Map.of()));
    assertFalse(error.getMessage().contains("aws-secret-value"), error.getMessage());
  }

  @Test
  void secretSettingsAreDeclaredAsPasswords() {
    Map<String, ConfigDef.ConfigKey> keys = LlmProfileConfig.configDef().configKeys();
    for (String secret : List.of("api-key", "api-secret", "bedrock.access-key-id", "bedrock.secret-access-key",
        "bedrock.session-token")) {
      assertEquals(ConfigDef.Type.PASSWORD, keys.get(secret).type, secret);
    }
    for (String key : List.of("anthropic.max-tokens", "anthropic.prompt-caching", "google.vertex-ai", "google.project",
        "google.location", "google.access-token-file", "bedrock.region", "bedrock.credentials-profile")) {
      assertFalse(keys.get(key).documentation.isBlank(), key);
      assertEquals(ProviderType.fromId(key.substring(0, key.indexOf('.'))).orElseThrow(),
          LlmProfileConfig.PROVIDER_SPECIFIC.get(key), key);
    }
  }

  private static String error(Map<String, String> settings) {
    return assertThrows(ConfigException.class, () -> load(settings, Map.of())).getMessage();
  }

  private static LlmProfiles load(Map<String, String> settings, Map<String, String> environment) {
    return ChatstreamConfig.sources().environment(environment).overrides(settings).load().llmProfiles();
  }

  private static LlmProfile profile(Map<String, String> settings, Map<String, String> environment, String name) {
    return find(load(settings, environment), name);
  }

  private static LlmProfile find(LlmProfiles profiles, String name) {
    return profiles.find(name).orElseThrow();
  }
}
