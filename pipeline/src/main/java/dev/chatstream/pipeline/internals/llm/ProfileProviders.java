package dev.chatstream.pipeline.internals.llm;

import dev.chatstream.llm.LlmProvider;
import dev.chatstream.llm.anthropic.AnthropicOptions;
import dev.chatstream.llm.anthropic.AnthropicProvider;
import dev.chatstream.llm.bedrock.BedrockProvider;
import dev.chatstream.llm.fallback.FallbackAdapter;
import dev.chatstream.llm.fallback.FallbackOptions;
import dev.chatstream.llm.google.GoogleOptions;
import dev.chatstream.llm.google.GoogleProvider;
import dev.chatstream.llm.livekit.LiveKitInferenceOptions;
import dev.chatstream.llm.livekit.LiveKitInferenceProvider;
import dev.chatstream.llm.mistral.MistralOptions;
import dev.chatstream.llm.mistral.MistralProvider;
import dev.chatstream.llm.offline.OfflinePacing;
import dev.chatstream.llm.offline.OfflineProvider;
import dev.chatstream.llm.openai.AzureOpenAiOptions;
import dev.chatstream.llm.openai.OpenAiChatOptions;
import dev.chatstream.llm.openai.OpenAiChatProvider;
import dev.chatstream.llm.openai.OpenAiResponsesOptions;
import dev.chatstream.llm.openai.OpenAiResponsesProvider;
import dev.chatstream.pipeline.config.LlmProfile;
import dev.chatstream.pipeline.config.LlmProfiles;
import dev.chatstream.pipeline.config.ProviderSettings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.kafka.common.config.types.Password;

/**
 * Builds the connector of every configured LLM profile: where a profile's settings become an
 * {@link LlmProvider}. Offline profiles share one scheduler; fallback profiles wrap their members'
 * providers.
 */
public final class ProfileProviders {
  private final LlmProfiles profiles;
  private final Map<String, LlmProvider> built = new HashMap<>();
  private ScheduledExecutorService offlineScheduler;

  private ProfileProviders(LlmProfiles profiles) {
    this.profiles = profiles;
  }

  /**
   * A registry with a provider for every profile.
   *
   * @throws IllegalArgumentException when a profile cannot be built (a missing key, a bad URL), naming it
   */
  public static ProviderRegistry registry(LlmProfiles profiles) {
    ProfileProviders factory = new ProfileProviders(profiles);
    ProviderRegistry.Builder registry = ProviderRegistry.builder(profiles.defaultProfile().name());
    for (LlmProfile profile : profiles.all()) {
      registry.add(profile.name(), factory.provider(profile), profile.connectOptions());
    }
    if (factory.offlineScheduler != null) {
      registry.onClose(factory.offlineScheduler::shutdownNow);
    }
    return registry.build();
  }

  private LlmProvider provider(LlmProfile profile) {
    LlmProvider provider = built.get(profile.name());
    if (provider == null) {
      try {
        provider = create(profile);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("LLM profile '" + profile.name() + "': " + e.getMessage(), e);
      }
      built.put(profile.name(), provider);
    }
    return provider;
  }

  private LlmProvider create(LlmProfile profile) {
    String key = profile.apiKey().map(Password::value).orElse(null);
    String model = profile.model().orElse(null);
    String baseUrl = profile.baseUrl().orElse(null);
    return switch (profile.settings()) {
      case ProviderSettings.OpenAi openAi -> OpenAiChatProvider.create(new OpenAiChatOptions(key, model,
          baseUrl, null, null, profile.options(), null, null));
      case ProviderSettings.OpenAiResponses responses -> OpenAiResponsesProvider.create(responsesOptions(profile,
          responses, key, model));
      case ProviderSettings.Azure azure -> OpenAiChatProvider.azure(new AzureOpenAiOptions(
          baseUrl, azure.deployment().orElse(model), azure.apiVersion().orElse(null), key,
          model, profile.options(), null));
      case ProviderSettings.LiveKitInference livekit -> LiveKitInferenceProvider.create(new LiveKitInferenceOptions(
          model, livekit.upstreamProvider().orElse(null), baseUrl, key,
          livekit.apiSecret().map(Password::value).orElse(null), profile.options(), null));
      case ProviderSettings.Anthropic anthropic -> AnthropicProvider.create(new AnthropicOptions(key, model, baseUrl,
          null, anthropic.maxTokens(), anthropic.promptCaching(), profile.options(), null));
      case ProviderSettings.Google google -> GoogleProvider.create(googleOptions(profile, google));
      case ProviderSettings.Bedrock bedrock -> BedrockProvider.create(BedrockProfileOptions.of(profile, bedrock));
      case ProviderSettings.Mistral mistral -> MistralProvider.create(new MistralOptions(key, model, baseUrl,
          profile.options(), null));
      case ProviderSettings.Offline offline -> OfflineProvider.create(
          OfflinePacing.of(offline.timeToFirstToken(), offline.tokenDelay()), offlineScheduler());
      case ProviderSettings.Fallback fallback -> {
        List<LlmProvider> members = new ArrayList<>();
        for (LlmProfile member : profiles.members(profile)) {
          members.add(provider(member));
        }
        yield FallbackAdapter.of(members, FallbackOptions.defaults()
            .withAttemptTimeout(fallback.attemptTimeout())
            .withMaxRetryPerLlm(fallback.maxRetryPerLlm())
            .withRetryInterval(fallback.retryInterval())
            .withRetryOnChunkSent(fallback.retryOnChunkSent()));
      }
    };
  }

  private static OpenAiResponsesOptions responsesOptions(
      LlmProfile profile, ProviderSettings.OpenAiResponses responses, String key, String model) {
    return new OpenAiResponsesOptions(key, model, profile.baseUrl().orElse(null), null, null,
        responses.useWebSocket(), responses.user().orElse(null), responses.temperature().orElse(null),
        responses.parallelToolCalls().orElse(null), responses.reasoningEffort().orElse(null),
        responses.toolChoice().orElse(null), responses.store().orElse(null), responses.metadata(), responses.state(),
        profile.options(), null, null);
  }

  /** The Gemini API or Vertex AI express mode with the profile's key, or a Vertex AI project with access tokens. */
  private static GoogleOptions googleOptions(LlmProfile profile, ProviderSettings.Google google) {
    String model = profile.model().orElse(null);
    String baseUrl = profile.baseUrl().orElse(null);
    return google.vertexProject()
        .map(project -> new GoogleOptions(null, model, baseUrl, true, project.project(), project.location(),
            new AccessTokenFile(project.accessTokenFile()), profile.options(), null))
        .orElseGet(() -> new GoogleOptions(profile.apiKey().map(Password::value).orElse(null), model, baseUrl,
            google.vertexAi(), null, null, null, profile.options(), null));
  }

  private ScheduledExecutorService offlineScheduler() {
    if (offlineScheduler == null) {
      offlineScheduler = Executors.newScheduledThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "chatstream-offline-llm");
        thread.setDaemon(true);
        return thread;
      });
    }
    return offlineScheduler;
  }
}
