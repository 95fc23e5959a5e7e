package dev.chatstream.pipeline.config;

import dev.chatstream.llm.openai.ResponsesState;
import dev.chatstream.llm.tools.ToolChoice;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.common.config.types.Password;

/** What only one kind of provider needs, on top of the settings every {@link LlmProfile} has. */
public sealed interface ProviderSettings {

  /** The provider these settings are for. */
  ProviderType provider();

  /** OpenAI or an OpenAI-compatible server: nothing beyond the common settings. */
  record OpenAi() implements ProviderSettings {
    @Override
    public ProviderType provider() {
      return ProviderType.OPENAI;
    }
  }

  /**
   * The OpenAI Responses API: the options of the reference plugin, each empty when not set (the
   * connector's defaults then apply).
   *
   * @param useWebSocket whether to stream over a WebSocket rather than HTTP
   * @param state how the provider keeps the conversation between requests
   * @param store the {@code store} flag, if set
   * @param user the {@code user} field, if set
   * @param temperature the {@code temperature}, if set
   * @param parallelToolCalls the default {@code parallel_tool_calls}, if set
   * @param reasoningEffort the {@code reasoning.effort}, if set
   * @param toolChoice the default {@code tool_choice}, if set
   * @param metadata the {@code metadata} sent with every response
   */
  record OpenAiResponses(boolean useWebSocket, ResponsesState state, Optional<Boolean> store, Optional<String> user,
      Optional<Double> temperature, Optional<Boolean> parallelToolCalls, Optional<String> reasoningEffort,
      Optional<ToolChoice> toolChoice, Map<String, String> metadata) implements ProviderSettings {
    /** Checks for nulls and copies the metadata. */
    public OpenAiResponses {
      Objects.requireNonNull(state, "state");
      Objects.requireNonNull(store, "store");
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(temperature, "temperature");
      Objects.requireNonNull(parallelToolCalls, "parallelToolCalls");
      Objects.requireNonNull(reasoningEffort, "reasoningEffort");
      Objects.requireNonNull(toolChoice, "toolChoice");
      metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    @Override
    public ProviderType provider() {
      return ProviderType.OPENAI_RESPONSES;
    }
  }

  /**
   * Azure OpenAI.
   *
   * @param deployment the deployment name, used in the request path (falls back to the model)
   * @param apiVersion the {@code api-version} query parameter, if set
   */
  record Azure(Optional<String> deployment, Optional<String> apiVersion) implements ProviderSettings {
    /** Checks for nulls. */
    public Azure {
      Objects.requireNonNull(deployment, "deployment");
      Objects.requireNonNull(apiVersion, "apiVersion");
    }

    @Override
    public ProviderType provider() {
      return ProviderType.AZURE;
    }
  }

  /**
   * LiveKit Inference.
   *
   * @param upstreamProvider the provider LiveKit routes the model to, if pinned
   * @param apiSecret the LiveKit API secret that signs the access token; prints as {@code [hidden]}
   */
  record LiveKitInference(Optional<String> upstreamProvider, Optional<Password> apiSecret)
      implements ProviderSettings {
    /** Checks for nulls. */
    public LiveKitInference {
      Objects.requireNonNull(upstreamProvider, "upstreamProvider");
      Objects.requireNonNull(apiSecret, "apiSecret");
    }

    @Override
    public ProviderType provider() {
      return ProviderType.LIVEKIT_INFERENCE;
    }
  }

  /**
   * Anthropic's Messages API.
   *
   * @param maxTokens {@code max_tokens} of every request whose options do not set it
   * @param promptCaching whether the system prompt, the last tool and the last content block are marked for
   *     Anthropic's prompt cache
   */
  record Anthropic(int maxTokens, boolean promptCaching) implements ProviderSettings {
    @Override
    public ProviderType provider() {
      return ProviderType.ANTHROPIC;
    }
  }

  /**
   * Google Gemini: the Gemini API with an API key, or Vertex AI, in express mode with an API key or on a
   * project's endpoint with access tokens.
   *
   * @param vertexAi whether requests go to Vertex AI
   * @param vertexProject the project whose endpoint Vertex AI requests go to, with bearer tokens instead of
   *     a key; empty for the Gemini API and express mode
   */
  record Google(boolean vertexAi, Optional<VertexProject> vertexProject) implements ProviderSettings {
    /** Checks for nulls, and that a project is only named for Vertex AI. */
    public Google {
      Objects.requireNonNull(vertexProject, "vertexProject");
      if (vertexProject.isPresent() && !vertexAi) {
        throw new IllegalArgumentException("a Vertex AI project needs vertexAi");
      }
    }

    @Override
    public ProviderType provider() {
      return ProviderType.GOOGLE;
    }
  }

  /**
   * A Google Cloud project's Vertex AI endpoint.
   *
   * @param project the project id
   * @param location the location, such as {@code us-central1} or {@code global}
   * @param accessTokenFile the file holding a current OAuth access token, read for every attempt
   */
  record VertexProject(String project, String location, Path accessTokenFile) {
    /** Checks for nulls. */
    public VertexProject {
      Objects.requireNonNull(project, "project");
      Objects.requireNonNull(location, "location");
      Objects.requireNonNull(accessTokenFile, "accessTokenFile");
    }
  }

  /**
   * Amazon Bedrock's Converse API.
   *
   * @param region the AWS region, when configured or in the environment; empty means the shared AWS
   *     config's region, else the connector's default
   * @param credentials where the AWS credentials that sign each request come from
   */
  record Bedrock(Optional<String> region, BedrockCredentials credentials) implements ProviderSettings {
    /** Checks for nulls. */
    public Bedrock {
      Objects.requireNonNull(region, "region");
      Objects.requireNonNull(credentials, "credentials");
    }

    @Override
    public ProviderType provider() {
      return ProviderType.BEDROCK;
    }
  }

  /** Mistral's chat completions API: nothing beyond the common settings. */
  record Mistral() implements ProviderSettings {
    @Override
    public ProviderType provider() {
      return ProviderType.MISTRAL;
    }
  }

  /**
   * The offline provider.
   *
   * @param timeToFirstToken the wait before the first chunk
   * @param tokenDelay the wait between later chunks
   */
  record Offline(Duration timeToFirstToken, Duration tokenDelay) implements ProviderSettings {
    /** Checks for nulls. */
    public Offline {
      Objects.requireNonNull(timeToFirstToken, "timeToFirstToken");
      Objects.requireNonNull(tokenDelay, "tokenDelay");
    }

    @Override
    public ProviderType provider() {
      return ProviderType.OFFLINE;
    }
  }

  /**
   * A fallback over other profiles, with the semantics of LiveKit's {@code FallbackAdapter}.
   *
   * @param members the profiles to try, in order, by name (at least one; all exist, no cycles)
   * @param attemptTimeout the timeout of one attempt on one member
   * @param maxRetryPerLlm retries on the same member before moving to the next
   * @param retryInterval the wait between those retries
   * @param retryOnChunkSent whether to move on after a member already sent a chunk
   */
  record Fallback(List<String> members, Duration attemptTimeout, int maxRetryPerLlm, Duration retryInterval,
      boolean retryOnChunkSent) implements ProviderSettings {
    /** Copies the member list and checks for nulls. */
    public Fallback {
      members = List.copyOf(members);
      Objects.requireNonNull(attemptTimeout, "attemptTimeout");
      Objects.requireNonNull(retryInterval, "retryInterval");
    }

    @Override
    public ProviderType provider() {
      return ProviderType.FALLBACK;
    }
  }
}
