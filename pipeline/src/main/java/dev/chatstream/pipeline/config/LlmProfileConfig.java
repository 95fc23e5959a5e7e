package dev.chatstream.pipeline.config;

import dev.chatstream.llm.ConnectOptions;
import dev.chatstream.llm.anthropic.AnthropicOptions;
import dev.chatstream.llm.bedrock.BedrockOptions;
import dev.chatstream.llm.fallback.FallbackOptions;
import dev.chatstream.llm.google.GoogleOptions;
import dev.chatstream.llm.livekit.LiveKitInferenceOptions;
import dev.chatstream.llm.mistral.MistralOptions;
import dev.chatstream.llm.offline.OfflinePacing;
import dev.chatstream.llm.openai.AzureOpenAiOptions;
import dev.chatstream.llm.openai.OpenAiChatOptions;
import dev.chatstream.llm.openai.OpenAiResponsesOptions;
import dev.chatstream.llm.openai.ResponsesState;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * The settings of one LLM profile, declared once. In the chatstream configuration each key appears as
 * {@code llm.<profile>.<key>} (environment: {@code CHATSTREAM_LLM_<PROFILE>_<KEY>}); extra request options
 * are {@code llm.<profile>.options.<option>}.
 */
public final class LlmProfileConfig extends AbstractConfig {

  /** The prefix of every profile setting. */
  public static final String PREFIX = "llm.";
  /** The infix of extra request options: {@code llm.<profile>.options.<option>}. */
  public static final String OPTIONS_PREFIX = "options.";

  public static final String PROVIDER_CONFIG = "provider";
  private static final String PROVIDER_DOC = "The kind of LLM: one of " + String.join(", ", ProviderType.ids())
      + ". A profile that does not say is an OpenAI (or OpenAI-compatible) one.";

  public static final String MODEL_CONFIG = "model";
  private static final String MODEL_DOC = "The model. Required for livekit-inference (e.g. openai/gpt-4.1-mini); "
      + "azure needs a model or azure.deployment. Defaults: " + OpenAiChatOptions.DEFAULT_MODEL + " (openai), "
      + OpenAiResponsesOptions.DEFAULT_MODEL + " (openai-responses), "
      + AnthropicOptions.DEFAULT_MODEL + " (anthropic), " + GoogleOptions.DEFAULT_MODEL + " (google), "
      + BedrockOptions.DEFAULT_MODEL + " (bedrock: a model or inference profile id), " + MistralOptions.DEFAULT_MODEL
      + " (mistral).";

  public static final String BASE_URL_CONFIG = "base-url";
  private static final String BASE_URL_DOC = "The endpoint. Defaults to " + OpenAiChatOptions.BASE_URL_ENV
      + " (openai, openai-responses; for Azure OpenAI's Responses API, https://<resource>.openai.azure.com/openai/v1), "
      + AzureOpenAiOptions.ENDPOINT_ENV + " (azure, required one way or the other), "
      + LiveKitInferenceOptions.URL_ENV + " (livekit-inference), " + AnthropicOptions.BASE_URL_ENV + " (anthropic), "
      + "or the provider's public endpoint (bedrock: the region's bedrock-runtime endpoint).";

  public static final String API_KEY_CONFIG = "api-key";
  private static final String API_KEY_DOC = "The API key. Better left out of files: by default it is read from "
      + OpenAiChatOptions.API_KEY_ENV + " (openai, openai-responses), " + AzureOpenAiOptions.API_KEY_ENV + " (azure), "
      + LiveKitInferenceOptions.API_KEY_ENV + " or " + LiveKitInferenceOptions.FALLBACK_API_KEY_ENV
      + " (livekit-inference), " + AnthropicOptions.API_KEY_ENV + " (anthropic), " + GoogleOptions.API_KEY_ENV
      + " or " + GoogleOptions.GEMINI_API_KEY_ENV + " (google), " + MistralOptions.API_KEY_ENV
      + " (mistral), or from the variable named by api-key-env. Not for bedrock, which signs with AWS credentials.";

  public static final String API_KEY_ENV_CONFIG = "api-key-env";
  private static final String API_KEY_ENV_DOC = "The environment variable holding the API key, instead of the "
      + "provider's usual one. It must be set.";

  public static final String API_SECRET_CONFIG = "api-secret";
  private static final String API_SECRET_DOC = "livekit-inference: the LiveKit API secret. By default read from "
      + LiveKitInferenceOptions.API_SECRET_ENV + " or " + LiveKitInferenceOptions.FALLBACK_API_SECRET_ENV
      + ", or from the variable named by api-secret-env.";

  public static final String API_SECRET_ENV_CONFIG = "api-secret-env";
  private static final String API_SECRET_ENV_DOC = "livekit-inference: the environment variable holding the "
      + "API secret. It must be set.";

  public static final String AZURE_DEPLOYMENT_CONFIG = "azure.deployment";
  private static final String AZURE_DEPLOYMENT_DOC = "azure: the deployment name (defaults to the model).";

  public static final String AZURE_API_VERSION_CONFIG = "azure.api-version";
  private static final String AZURE_API_VERSION_DOC = "azure: the api-version parameter (defaults to "
      + AzureOpenAiOptions.API_VERSION_ENV + ").";

  public static final String LIVEKIT_PROVIDER_CONFIG = "livekit.provider";
  private static final String LIVEKIT_PROVIDER_DOC = "livekit-inference: the upstream provider to route the "
      + "model to, when it should be pinned.";

  public static final String RESPONSES_USE_WEBSOCKET_CONFIG = "responses.use-websocket";
  private static final String RESPONSES_USE_WEBSOCKET_DOC = "openai-responses: stream over a WebSocket to "
      + "/responses (one response.create per request, sockets reused across conversations; an upgrade the "
      + "server refuses is an error event, then HTTP for that request); false streams over HTTP (SSE).";

  public static final String RESPONSES_STATE_CONFIG = "responses.state";
  private static final String RESPONSES_STATE_DOC = "openai-responses: how the provider keeps the conversation, "
      + "in the conversation header: previous-response (a request sends only what was added since the last "
      + "response, with previous_response_id; the full input when the context changed before that point or "
      + "store is false), conversation (a provider-side conversation, the Conversations API: new items added, "
      + "removed ones deleted, requests name only the conversation; needs store), none (the full input).";

  public static final String RESPONSES_STORE_CONFIG = "responses.store";
  private static final String RESPONSES_STORE_DOC = "openai-responses: the store flag (unset: the provider's "
      + "default, which stores responses). false also turns previous_response_id off.";

  public static final String RESPONSES_USER_CONFIG = "responses.user";
  private static final String RESPONSES_USER_DOC = "openai-responses: the user field of every request.";

  public static final String RESPONSES_TEMPERATURE_CONFIG = "responses.temperature";
  private static final String RESPONSES_TEMPERATURE_DOC = "openai-responses: the sampling temperature "
      + "(dropped for reasoning models).";

  public static final String RESPONSES_PARALLEL_TOOL_CALLS_CONFIG = "responses.parallel-tool-calls";
  private static final String RESPONSES_PARALLEL_TOOL_CALLS_DOC = "openai-responses: parallel_tool_calls when "
      + "a request does not say.";

  public static final String RESPONSES_REASONING_EFFORT_CONFIG = "responses.reasoning-effort";
  private static final String RESPONSES_REASONING_EFFORT_DOC = "openai-responses: reasoning.effort (unset: "
      + "minimal for gpt-5, -mini and -nano, none from gpt-5.1, as the reference does).";

  public static final String RESPONSES_TOOL_CHOICE_CONFIG = "responses.tool-choice";
  private static final String RESPONSES_TOOL_CHOICE_DOC = "openai-responses: tool_choice when a request does "
      + "not say: auto, required, none, or a function name.";

  public static final String RESPONSES_METADATA_CONFIG = "responses.metadata";
  private static final String RESPONSES_METADATA_DOC = "openai-responses: metadata sent with every response, "
      + "as comma-separated key=value pairs.";

  public static final String ANTHROPIC_MAX_TOKENS_CONFIG = "anthropic.max-tokens";
  private static final String ANTHROPIC_MAX_TOKENS_DOC = "anthropic: max_tokens, which the Messages API requires "
      + "(options.max_tokens or a request's max_tokens overrides it).";

  public static final String ANTHROPIC_PROMPT_CACHING_CONFIG = "anthropic.prompt-caching";
  private static final String ANTHROPIC_PROMPT_CACHING_DOC = "anthropic: mark the system prompt, the last tool and "
      + "the last content block with cache_control ephemeral, so that the next turn reads them from Anthropic's "
      + "prompt cache.";

  public static final String GOOGLE_VERTEX_AI_CONFIG = "google.vertex-ai";
  private static final String GOOGLE_VERTEX_AI_DOC = "google: call Vertex AI instead of the Gemini API (defaults to "
      + GoogleOptions.USE_VERTEX_AI_ENV + "=true or 1). With an API key this is Vertex AI express mode; with "
      + "google.access-token-file, a project's regional endpoint.";

  public static final String GOOGLE_PROJECT_CONFIG = "google.project";
  private static final String GOOGLE_PROJECT_DOC = "google on Vertex AI with google.access-token-file: the Google "
      + "Cloud project (defaults to " + GoogleOptions.PROJECT_ENV + ").";

  public static final String GOOGLE_LOCATION_CONFIG = "google.location";
  private static final String GOOGLE_LOCATION_DOC = "google on Vertex AI with google.access-token-file: the "
      + "location, such as us-central1 or global (defaults to " + GoogleOptions.LOCATION_ENV + ", else "
      + GoogleOptions.DEFAULT_LOCATION + ").";

  public static final String GOOGLE_ACCESS_TOKEN_FILE_CONFIG = "google.access-token-file";
  private static final String GOOGLE_ACCESS_TOKEN_FILE_DOC = "google on Vertex AI: a file holding an OAuth access "
      + "token of the project, read again for every attempt (keep it fresh, e.g. with gcloud auth "
      + "print-access-token, or a credentials sidecar). Requests then go to the project's endpoint as a bearer, "
      + "and no API key is used.";

  public static final String BEDROCK_REGION_CONFIG = "bedrock.region";
  private static final String BEDROCK_REGION_DOC = "bedrock: the AWS region requests are signed for and sent to "
      + "(defaults to " + BedrockOptions.REGION_ENV + ", else " + BedrockOptions.DEFAULT_REGION_ENV
      + ", else the region of the shared AWS config, else " + BedrockOptions.DEFAULT_REGION + ").";

  public static final String BEDROCK_CREDENTIALS_PROFILE_CONFIG = "bedrock.credentials-profile";
  private static final String BEDROCK_CREDENTIALS_PROFILE_DOC = "bedrock: take the credentials from this profile "
      + "of the shared AWS config and credentials files, instead of the AWS SDK's default chain (environment, "
      + BedrockOptions.PROFILE_ENV + ", web identity, container and instance roles).";

  public static final String BEDROCK_ACCESS_KEY_ID_CONFIG = "bedrock.access-key-id";
  private static final String BEDROCK_ACCESS_KEY_ID_DOC = "bedrock: the access key id of static credentials, with "
      + "bedrock.secret-access-key (defaults to " + BedrockOptions.ACCESS_KEY_ID_ENV + " when "
      + BedrockOptions.SECRET_ACCESS_KEY_ENV + " is set too; otherwise the SDK's default chain). Never printed.";

  public static final String BEDROCK_SECRET_ACCESS_KEY_CONFIG = "bedrock.secret-access-key";
  private static final String BEDROCK_SECRET_ACCESS_KEY_DOC = "bedrock: the secret access key of static "
      + "credentials (defaults to " + BedrockOptions.SECRET_ACCESS_KEY_ENV + "). Never printed.";

  public static final String BEDROCK_SESSION_TOKEN_CONFIG = "bedrock.session-token";
  private static final String BEDROCK_SESSION_TOKEN_DOC = "bedrock: the session token of temporary static "
      + "credentials (defaults to " + BedrockOptions.SESSION_TOKEN_ENV + "). Never printed.";

  public static final String MAX_RETRY_CONFIG = "max-retry";
  private static final String MAX_RETRY_DOC = "Retries after a failed attempt (connect options).";

  public static final String RETRY_INTERVAL_MS_CONFIG = "retry-interval-ms";
  private static final String RETRY_INTERVAL_MS_DOC = "The wait between retries (the first retry waits 100 ms). "
      + "Defaults to 2000, or 500 for a fallback profile, where it is the wait between retries on one member.";

  public static final String TIMEOUT_MS_CONFIG = "timeout-ms";
  private static final String TIMEOUT_MS_DOC = "The connect and read timeout of one attempt.";

  public static final String MEMBERS_CONFIG = "members";
  private static final String MEMBERS_DOC = "fallback: the profiles to try, in order (comma-separated names).";

  public static final String ATTEMPT_TIMEOUT_MS_CONFIG = "attempt-timeout-ms";
  private static final String ATTEMPT_TIMEOUT_MS_DOC = "fallback: the timeout of one attempt on one member.";

  public static final String MAX_RETRY_PER_LLM_CONFIG = "max-retry-per-llm";
  private static final String MAX_RETRY_PER_LLM_DOC = "fallback: retries on one member before the next.";

  public static final String RETRY_ON_CHUNK_SENT_CONFIG = "retry-on-chunk-sent";
  private static final String RETRY_ON_CHUNK_SENT_DOC = "fallback: whether to move to the next member after "
      + "the failing one already sent part of its reply.";

  public static final String TTFT_MS_CONFIG = "ttft-ms";
  private static final String TTFT_MS_DOC = "offline: the wait before the first chunk.";

  public static final String TOKEN_DELAY_MS_CONFIG = "token-delay-ms";
  private static final String TOKEN_DELAY_MS_DOC = "offline: the wait between chunks.";

  private static final ConnectOptions CONNECT = ConnectOptions.defaults();
  private static final FallbackOptions FALLBACK = FallbackOptions.defaults();
  private static final OfflinePacing OFFLINE = OfflinePacing.defaults();
  static final long DEFAULT_RETRY_INTERVAL_MS = CONNECT.retryInterval().toMillis();
  static final long DEFAULT_FALLBACK_RETRY_INTERVAL_MS = FALLBACK.retryInterval().toMillis();

  /** Settings that only one provider reads; naming them on another provider's profile is an error. */
  static final Map<String, ProviderType> PROVIDER_SPECIFIC = Map.ofEntries(
      Map.entry(RESPONSES_USE_WEBSOCKET_CONFIG, ProviderType.OPENAI_RESPONSES),
      Map.entry(RESPONSES_STATE_CONFIG, ProviderType.OPENAI_RESPONSES),
      Map.entry(RESPONSES_STORE_CONFIG, ProviderType.OPENAI_RESPONSES),
      Map.entry(RESPONSES_USER_CONFIG, ProviderType.OPENAI_RESPONSES),
      Map.entry(RESPONSES_TEMPERATURE_CONFIG, ProviderType.OPENAI_RESPONSES),
      Map.entry(RESPONSES_PARALLEL_TOOL_CALLS_CONFIG, ProviderType.OPENAI_RESPONSES),
      Map.entry(RESPONSES_REASONING_EFFORT_CONFIG, ProviderType.OPENAI_RESPONSES),
      Map.entry(RESPONSES_TOOL_CHOICE_CONFIG, ProviderType.OPENAI_RESPONSES),
      Map.entry(RESPONSES_METADATA_CONFIG, ProviderType.OPENAI_RESPONSES),
      Map.entry(AZURE_DEPLOYMENT_CONFIG, ProviderType.AZURE),
      Map.entry(AZURE_API_VERSION_CONFIG, ProviderType.AZURE),
      Map.entry(LIVEKIT_PROVIDER_CONFIG, ProviderType.LIVEKIT_INFERENCE),
      Map.entry(API_SECRET_CONFIG, ProviderType.LIVEKIT_INFERENCE),
      Map.entry(API_SECRET_ENV_CONFIG, ProviderType.LIVEKIT_INFERENCE),
      Map.entry(MEMBERS_CONFIG, ProviderType.FALLBACK),
      Map.entry(ATTEMPT_TIMEOUT_MS_CONFIG, ProviderType.FALLBACK),
      Map.entry(MAX_RETRY_PER_LLM_CONFIG, ProviderType.FALLBACK),
      Map.entry(RETRY_ON_CHUNK_SENT_CONFIG, ProviderType.FALLBACK),
      Map.entry(ANTHROPIC_MAX_TOKENS_CONFIG, ProviderType.ANTHROPIC),
      Map.entry(ANTHROPIC_PROMPT_CACHING_CONFIG, ProviderType.ANTHROPIC),
      Map.entry(GOOGLE_VERTEX_AI_CONFIG, ProviderType.GOOGLE),
      Map.entry(GOOGLE_PROJECT_CONFIG, ProviderType.GOOGLE),
      Map.entry(GOOGLE_LOCATION_CONFIG, ProviderType.GOOGLE),
      Map.entry(GOOGLE_ACCESS_TOKEN_FILE_CONFIG, ProviderType.GOOGLE),
      Map.entry(BEDROCK_REGION_CONFIG, ProviderType.BEDROCK),
      Map.entry(BEDROCK_CREDENTIALS_PROFILE_CONFIG, ProviderType.BEDROCK),
      Map.entry(BEDROCK_ACCESS_KEY_ID_CONFIG, ProviderType.BEDROCK),
      Map.entry(BEDROCK_SECRET_ACCESS_KEY_CONFIG, ProviderType.BEDROCK),
      Map.entry(BEDROCK_SESSION_TOKEN_CONFIG, ProviderType.BEDROCK),
      Map.entry(TTFT_MS_CONFIG, ProviderType.OFFLINE),
      Map.entry(TOKEN_DELAY_MS_CONFIG, ProviderType.OFFLINE));

  private static final ConfigDef CONFIG = new ConfigDef()
      .define(PROVIDER_CONFIG, Type.STRING, ProviderType.OPENAI.id(), Validators.provider(), Importance.HIGH,
          PROVIDER_DOC)
      .define(MODEL_CONFIG, Type.STRING, null, Importance.HIGH, MODEL_DOC)
      .define(BASE_URL_CONFIG, Type.STRING, null, Validators.url(), Importance.MEDIUM, BASE_URL_DOC)
      .define(API_KEY_CONFIG, Type.PASSWORD, null, Importance.HIGH, API_KEY_DOC)
      .define(API_KEY_ENV_CONFIG, Type.STRING, null, Importance.MEDIUM, API_KEY_ENV_DOC)
      .define(API_SECRET_CONFIG, Type.PASSWORD, null, Importance.MEDIUM, API_SECRET_DOC)
      .define(API_SECRET_ENV_CONFIG, Type.STRING, null, Importance.LOW, API_SECRET_ENV_DOC)
      .define(RESPONSES_USE_WEBSOCKET_CONFIG, Type.BOOLEAN, OpenAiResponsesOptions.DEFAULT_USE_WEBSOCKET,
          Importance.MEDIUM, RESPONSES_USE_WEBSOCKET_DOC)
      .define(RESPONSES_STATE_CONFIG, Type.STRING, OpenAiResponsesOptions.DEFAULT_STATE.id(),
          ConfigDef.ValidString.in(Arrays.stream(ResponsesState.values()).map(ResponsesState::id)
              .toArray(String[]::new)), Importance.MEDIUM, RESPONSES_STATE_DOC)
      .define(RESPONSES_STORE_CONFIG, Type.BOOLEAN, null, Importance.MEDIUM, RESPONSES_STORE_DOC)
      .define(RESPONSES_USER_CONFIG, Type.STRING, null, Importance.LOW, RESPONSES_USER_DOC)
      .define(RESPONSES_TEMPERATURE_CONFIG, Type.DOUBLE, null, Validators.nullOrBetween(0, 2), Importance.LOW,
          RESPONSES_TEMPERATURE_DOC)
      .define(RESPONSES_PARALLEL_TOOL_CALLS_CONFIG, Type.BOOLEAN, null, Importance.LOW,
          RESPONSES_PARALLEL_TOOL_CALLS_DOC)
      .define(RESPONSES_REASONING_EFFORT_CONFIG, Type.STRING, null, Importance.LOW, RESPONSES_REASONING_EFFORT_DOC)
      .define(RESPONSES_TOOL_CHOICE_CONFIG, Type.STRING, null, Importance.LOW, RESPONSES_TOOL_CHOICE_DOC)
      .define(RESPONSES_METADATA_CONFIG, Type.LIST, List.of(), Validators.keyValuePairs(), Importance.LOW,
          RESPONSES_METADATA_DOC)
      .define(AZURE_DEPLOYMENT_CONFIG, Type.STRING, null, Importance.MEDIUM, AZURE_DEPLOYMENT_DOC)
      .define(AZURE_API_VERSION_CONFIG, Type.STRING, null, Importance.MEDIUM, AZURE_API_VERSION_DOC)
      .define(LIVEKIT_PROVIDER_CONFIG, Type.STRING, null, Importance.LOW, LIVEKIT_PROVIDER_DOC)
      .define(ANTHROPIC_MAX_TOKENS_CONFIG, Type.INT, AnthropicOptions.DEFAULT_MAX_TOKENS, Range.atLeast(1),
          Importance.MEDIUM, ANTHROPIC_MAX_TOKENS_DOC)
      .define(ANTHROPIC_PROMPT_CACHING_CONFIG, Type.BOOLEAN, AnthropicOptions.DEFAULT_PROMPT_CACHING, Importance.LOW,
          ANTHROPIC_PROMPT_CACHING_DOC)
      .define(GOOGLE_VERTEX_AI_CONFIG, Type.BOOLEAN, null, Importance.MEDIUM, GOOGLE_VERTEX_AI_DOC)
      .define(GOOGLE_PROJECT_CONFIG, Type.STRING, null, Importance.MEDIUM, GOOGLE_PROJECT_DOC)
      .define(GOOGLE_LOCATION_CONFIG, Type.STRING, null, Validators.regionName(), Importance.LOW,
          GOOGLE_LOCATION_DOC)
      .define(GOOGLE_ACCESS_TOKEN_FILE_CONFIG, Type.STRING, null, Importance.MEDIUM, GOOGLE_ACCESS_TOKEN_FILE_DOC)
      .define(BEDROCK_REGION_CONFIG, Type.STRING, null, Validators.regionName(), Importance.HIGH,
          BEDROCK_REGION_DOC)
      .define(BEDROCK_CREDENTIALS_PROFILE_CONFIG, Type.STRING, null, Importance.MEDIUM,
          BEDROCK_CREDENTIALS_PROFILE_DOC)
      .define(BEDROCK_ACCESS_KEY_ID_CONFIG, Type.PASSWORD, null, Importance.MEDIUM, BEDROCK_ACCESS_KEY_ID_DOC)
      .define(BEDROCK_SECRET_ACCESS_KEY_CONFIG, Type.PASSWORD, null, Importance.MEDIUM,
          BEDROCK_SECRET_ACCESS_KEY_DOC)
      .define(BEDROCK_SESSION_TOKEN_CONFIG, Type.PASSWORD, null, Importance.LOW, BEDROCK_SESSION_TOKEN_DOC)
      .define(MAX_RETRY_CONFIG, Type.INT, CONNECT.maxRetry(), Range.atLeast(0), Importance.MEDIUM, MAX_RETRY_DOC)
      .define(RETRY_INTERVAL_MS_CONFIG, Type.LONG, null, Validators.nullOrAtLeast(0), Importance.LOW,
          RETRY_INTERVAL_MS_DOC)
      .define(TIMEOUT_MS_CONFIG, Type.LONG, CONNECT.timeout().toMillis(), Range.atLeast(0), Importance.MEDIUM, TIMEOUT_MS_DOC)
      .define(MEMBERS_CONFIG, Type.LIST, List.of(), Importance.HIGH, MEMBERS_DOC)
      .define(ATTEMPT_TIMEOUT_MS_CONFIG, Type.LONG, FALLBACK.attemptTimeout().toMillis(), Range.atLeast(0), Importance.MEDIUM,
          ATTEMPT_TIMEOUT_MS_DOC)
      .define(MAX_RETRY_PER_LLM_CONFIG, Type.INT, FALLBACK.maxRetryPerLlm(), Range.atLeast(0), Importance.LOW, MAX_RETRY_PER_LLM_DOC)
      .define(RETRY_ON_CHUNK_SENT_CONFIG, Type.BOOLEAN, FALLBACK.retryOnChunkSent(), Importance.LOW, RETRY_ON_CHUNK_SENT_DOC)
      .define(TTFT_MS_CONFIG, Type.LONG, OFFLINE.timeToFirstToken().toMillis(), Range.atLeast(0), Importance.LOW, TTFT_MS_DOC)
      .define(TOKEN_DELAY_MS_CONFIG, Type.LONG, OFFLINE.interTokenDelay().toMillis(), Range.atLeast(0), Importance.LOW,
          TOKEN_DELAY_MS_DOC);

  /**
   * Parses the settings of one profile (keys without the {@code llm.<profile>.} prefix).
   *
   * @throws ConfigException when a value has the wrong type or fails its validator
   */
  LlmProfileConfig(Map<String, ?> settings) {
    super(CONFIG, settings, false);
  }

  /** A copy of the declarations, for documentation. */
  public static ConfigDef configDef() {
    return new ConfigDef(CONFIG);
  }

  static ProviderSettings.Offline offlineDefaults() {
    return new ProviderSettings.Offline(OFFLINE.timeToFirstToken(), OFFLINE.interTokenDelay());
  }
}
