package dev.chatstream.llm.openai;

import dev.chatstream.llm.internal.options.OptionValues;
import dev.chatstream.llm.tools.ToolChoice;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * How to reach an OpenAI Responses API endpoint and what to send with every request: OpenAI itself,
 * an Azure OpenAI resource ({@link #azure}), or a compatible server ({@link #compatible}). The
 * options of the reference plugin are here ({@code model}, {@code user}, {@code temperature},
 * {@code parallel_tool_calls}, the reasoning effort, {@code tool_choice}, {@code store},
 * {@code metadata}, {@code use_websocket}); its {@code timeout} is the request's
 * {@link dev.chatstream.llm.ConnectOptions#timeout()}. A request's own tool choice, parallel flag,
 * model and extra options win over these. Immutable; {@code toString} never shows the key.
 *
 * @param apiKey the bearer key; may be null only for a base URL other than OpenAI's
 * @param model the default model ({@link #DEFAULT_MODEL} when null)
 * @param baseUrl the API root ({@link OpenAiChatOptions#DEFAULT_BASE_URL} when null)
 * @param organization the {@code OpenAI-Organization} header, or null
 * @param project the {@code OpenAI-Project} header, or null
 * @param useWebSocket stream over one WebSocket to {@code /responses} per generation, reused across
 *     conversations ({@link #DEFAULT_USE_WEBSOCKET}); false streams over HTTP (SSE)
 * @param user the {@code user} field, or null
 * @param temperature the {@code temperature}, or null (dropped for reasoning models)
 * @param parallelToolCalls the default {@code parallel_tool_calls}, or null
 * @param reasoningEffort the {@code reasoning.effort}, or null: gpt-5 models then get the low
 *     default the Chat Completions connector uses ({@code minimal}, or {@code none} from gpt-5.1)
 * @param toolChoice the default {@code tool_choice}, or null
 * @param store the {@code store} flag, or null for the provider's default (which stores)
 * @param metadata the {@code metadata} map sent with every response, or empty
 * @param state how the provider keeps the conversation ({@link #DEFAULT_STATE} when null)
 * @param extraOptions more body fields sent with every request ({@code max_output_tokens},
 *     {@code text}, {@code service_tier}, ...); a request's own extra options override them
 * @param providerName the provider named in metrics ({@code openai} by default)
 * @param label the label on errors and metrics ({@code providerName + ".responses.LLM"} by default)
 */
public record OpenAiResponsesOptions(
    String apiKey,
    String model,
    String baseUrl,
    String organization,
    String project,
    boolean useWebSocket,
    String user,
    Double temperature,
    Boolean parallelToolCalls,
    String reasoningEffort,
    ToolChoice toolChoice,
    Boolean store,
    Map<String, String> metadata,
    ResponsesState state,
    Map<String, Object> extraOptions,
    String providerName,
    String label) {

  /** The model used when none is given, as in the reference. */
  public static final String DEFAULT_MODEL = "gpt-4.1";
  /** WebSocket mode is on unless switched off, as in the reference. */
  public static final boolean DEFAULT_USE_WEBSOCKET = true;
  /** How the conversation is kept when not said otherwise. */
  public static final ResponsesState DEFAULT_STATE = ResponsesState.PREVIOUS_RESPONSE;

  private static final String DEFAULT_PROVIDER = "openai";

  /**
   * Validates and fills in defaults.
   *
   * @throws IllegalArgumentException when the model is blank, the base URL is not an http(s) URL, the
   *     key is missing for OpenAI's own API, or {@code state=conversation} is combined with
   *     {@code store=false}
   */
  public OpenAiResponsesOptions {
    model = model == null ? DEFAULT_MODEL : model;
    if (model.isBlank()) {
      throw new IllegalArgumentException("model must not be empty");
    }
    baseUrl = baseUrl == null ? OpenAiChatOptions.DEFAULT_BASE_URL : baseUrl;
    HttpUrl parsed = HttpUrl.parse(baseUrl);
    if (parsed == null) {
      throw new IllegalArgumentException("base URL is not an http(s) URL: " + baseUrl);
    }
    if (!OptionValues.present(apiKey) && isOpenAi(parsed)) {
      throw new IllegalArgumentException("an API key is required for " + baseUrl
          + " (set " + OpenAiChatOptions.API_KEY_ENV + ")");
    }
    if (temperature != null && !Double.isFinite(temperature)) {
      throw new IllegalArgumentException("temperature must be a finite number, was " + temperature);
    }
    if (reasoningEffort != null && reasoningEffort.isBlank()) {
      throw new IllegalArgumentException("reasoning effort must not be empty");
    }
    state = state == null ? DEFAULT_STATE : state;
    if (state == ResponsesState.CONVERSATION && Boolean.FALSE.equals(store)) {
      throw new IllegalArgumentException("state=conversation keeps the conversation on the provider, "
          + "which needs store to be true");
    }
    metadata = copyMetadata(metadata);
    extraOptions = OptionValues.copy(extraOptions);
    providerName = OptionValues.present(providerName) ? providerName : DEFAULT_PROVIDER;
    label = OptionValues.present(label) ? label : providerName + ".responses.LLM";
  }

  /** OpenAI's API with this key and model (null for {@link #DEFAULT_MODEL}). */
  public static OpenAiResponsesOptions of(String apiKey, String model) {
    Objects.requireNonNull(apiKey, "api key must not be null");
    return builder(apiKey, model, OpenAiChatOptions.DEFAULT_BASE_URL, DEFAULT_PROVIDER);
  }

  /** A compatible server that needs no key. */
  public static OpenAiResponsesOptions compatible(String baseUrl, String model) {
    Objects.requireNonNull(baseUrl, "base url must not be null");
    return builder(null, model, baseUrl, DEFAULT_PROVIDER);
  }

  /**
   * An Azure OpenAI resource through its v1 API, {@code {endpoint}/openai/v1/responses}, with the
   * resource key as bearer token and the deployment name as model; metrics name the provider
   * {@code azure}.
   *
   * @param endpoint the resource URL, such as {@code https://my-resource.openai.azure.com}
   * @param deployment the deployment name
   * @param apiKey the resource key
   */
  public static OpenAiResponsesOptions azure(String endpoint, String deployment, String apiKey) {
    Objects.requireNonNull(endpoint, "endpoint must not be null");
    Objects.requireNonNull(deployment, "deployment must not be null");
    if (!OptionValues.present(apiKey)) {
      throw new IllegalArgumentException("an Azure OpenAI API key is required (set "
          + AzureOpenAiOptions.API_KEY_ENV + ")");
    }
    HttpUrl url = HttpUrl.parse(endpoint);
    if (url == null) {
      throw new IllegalArgumentException("Azure endpoint is not an http(s) URL: " + endpoint);
    }
    String base = url.newBuilder().encodedPath("/").addPathSegments("openai/v1").build().toString();
    return builder(apiKey, deployment, base, "azure");
  }

  /** Options from the process environment; see {@link #fromEnvironment(String, Map)}. */
  public static OpenAiResponsesOptions fromEnvironment(String model) {
    return fromEnvironment(model, System.getenv());
  }

  /**
   * Options from {@code OPENAI_API_KEY}, {@code OPENAI_BASE_URL}, {@code OPENAI_ORG_ID} and
   * {@code OPENAI_PROJECT_ID} in {@code environment}.
   *
   * @throws IllegalStateException when {@code OPENAI_API_KEY} is missing and no other base URL is set
   */
  public static OpenAiResponsesOptions fromEnvironment(String model, Map<String, String> environment) {
    String baseUrl = environment.getOrDefault(OpenAiChatOptions.BASE_URL_ENV, OpenAiChatOptions.DEFAULT_BASE_URL);
    String apiKey = environment.get(OpenAiChatOptions.API_KEY_ENV);
    HttpUrl parsed = HttpUrl.parse(baseUrl);
    if (!OptionValues.present(apiKey) && parsed != null && isOpenAi(parsed)) {
      throw new IllegalStateException("OpenAI API key is missing: set " + OpenAiChatOptions.API_KEY_ENV);
    }
    return builder(apiKey, model, baseUrl, DEFAULT_PROVIDER)
        .withOrganization(environment.get(OpenAiChatOptions.ORGANIZATION_ENV))
        .withProject(environment.get(OpenAiChatOptions.PROJECT_ENV));
  }

  /** A copy with another base URL. */
  public OpenAiResponsesOptions withBaseUrl(String url) {
    return new OpenAiResponsesOptions(apiKey, model, url, organization, project, useWebSocket, user, temperature,
        parallelToolCalls, reasoningEffort, toolChoice, store, metadata, state, extraOptions, providerName, label);
  }

  /** A copy with another default model. */
  public OpenAiResponsesOptions withModel(String name) {
    return new OpenAiResponsesOptions(apiKey, name, baseUrl, organization, project, useWebSocket, user, temperature,
        parallelToolCalls, reasoningEffort, toolChoice, store, metadata, state, extraOptions, providerName, label);
  }

  /** A copy with the {@code OpenAI-Organization} header. */
  public OpenAiResponsesOptions withOrganization(String id) {
    return new OpenAiResponsesOptions(apiKey, model, baseUrl, id, project, useWebSocket, user, temperature,
        parallelToolCalls, reasoningEffort, toolChoice, store, metadata, state, extraOptions, providerName, label);
  }

  /** A copy with the {@code OpenAI-Project} header. */
  public OpenAiResponsesOptions withProject(String id) {
    return new OpenAiResponsesOptions(apiKey, model, baseUrl, organization, id, useWebSocket, user, temperature,
        parallelToolCalls, reasoningEffort, toolChoice, store, metadata, state, extraOptions, providerName, label);
  }

  /** A copy streaming over a WebSocket or not. */
  public OpenAiResponsesOptions withWebSocket(boolean enabled) {
    return new OpenAiResponsesOptions(apiKey, model, baseUrl, organization, project, enabled, user, temperature,
        parallelToolCalls, reasoningEffort, toolChoice, store, metadata, state, extraOptions, providerName, label);
  }

  /** A copy with this {@code user}. */
  public OpenAiResponsesOptions withUser(String id) {
    return new OpenAiResponsesOptions(apiKey, model, baseUrl, organization, project, useWebSocket, id, temperature,
        parallelToolCalls, reasoningEffort, toolChoice, store, metadata, state, extraOptions, providerName, label);
  }

  /** A copy with this temperature. */
  public OpenAiResponsesOptions withTemperature(Double value) {
    return new OpenAiResponsesOptions(apiKey, model, baseUrl, organization, project, useWebSocket, user, value,
        parallelToolCalls, reasoningEffort, toolChoice, store, metadata, state, extraOptions, providerName, label);
  }

  /** A copy with this default {@code parallel_tool_calls}. */
  public OpenAiResponsesOptions withParallelToolCalls(Boolean parallel) {
    return new OpenAiResponsesOptions(apiKey, model, baseUrl, organization, project, useWebSocket, user, temperature,
        parallel, reasoningEffort, toolChoice, store, metadata, state, extraOptions, providerName, label);
  }

  /** A copy with this reasoning effort. */
  public OpenAiResponsesOptions withReasoningEffort(String effort) {
    return new OpenAiResponsesOptions(apiKey, model, baseUrl, organization, project, useWebSocket, user, temperature,
        parallelToolCalls, effort, toolChoice, store, metadata, state, extraOptions, providerName, label);
  }

  /** A copy with this default tool choice. */
  public OpenAiResponsesOptions withToolChoice(ToolChoice choice) {
    return new OpenAiResponsesOptions(apiKey, model, baseUrl, organization, project, useWebSocket, user, temperature,
        parallelToolCalls, reasoningEffort, choice, store, metadata, state, extraOptions, providerName, label);
  }

  /** A copy with this {@code store} flag. */
  public OpenAiResponsesOptions withStore(Boolean stored) {
    return new OpenAiResponsesOptions(apiKey, model, baseUrl, organization, project, useWebSocket, user, temperature,
        parallelToolCalls, reasoningEffort, toolChoice, stored, metadata, state, extraOptions, providerName, label);
  }

  /** A copy with this {@code metadata}. */
  public OpenAiResponsesOptions withMetadata(Map<String, String> values) {
    return new OpenAiResponsesOptions(apiKey, model, baseUrl, organization, project, useWebSocket, user, temperature,
        parallelToolCalls, reasoningEffort, toolChoice, store, values, state, extraOptions, providerName, label);
  }

  /** A copy keeping the conversation this way. */
  public OpenAiResponsesOptions withState(ResponsesState kept) {
    return new OpenAiResponsesOptions(apiKey, model, baseUrl, organization, project, useWebSocket, user, temperature,
        parallelToolCalls, reasoningEffort, toolChoice, store, metadata, kept, extraOptions, providerName, label);
  }

  /** A copy with these extra options (replacing the previous ones). */
  public OpenAiResponsesOptions withExtraOptions(Map<String, Object> options) {
    return new OpenAiResponsesOptions(apiKey, model, baseUrl, organization, project, useWebSocket, user, temperature,
        parallelToolCalls, reasoningEffort, toolChoice, store, metadata, state, options, providerName, label);
  }

  /** A copy naming another provider in metrics; a default label follows the name. */
  public OpenAiResponsesOptions withProviderName(String name) {
    String newLabel = label.equals(providerName + ".responses.LLM") ? null : label;
    return new OpenAiResponsesOptions(apiKey, model, baseUrl, organization, project, useWebSocket, user, temperature,
        parallelToolCalls, reasoningEffort, toolChoice, store, metadata, state, extraOptions, name, newLabel);
  }

  /** A copy with another label. */
  public OpenAiResponsesOptions withLabel(String newLabel) {
    return new OpenAiResponsesOptions(apiKey, model, baseUrl, organization, project, useWebSocket, user, temperature,
        parallelToolCalls, reasoningEffort, toolChoice, store, metadata, state, extraOptions, providerName, newLabel);
  }

  @Override
  public String toString() {
    return "OpenAiResponsesOptions[model=" + model + ", baseUrl=" + baseUrl + ", apiKey="
        + (OptionValues.present(apiKey) ? "[hidden]" : "none") + ", organization=" + organization
        + ", project=" + project + ", useWebSocket=" + useWebSocket + ", user=" + user
        + ", temperature=" + temperature + ", parallelToolCalls=" + parallelToolCalls
        + ", reasoningEffort=" + reasoningEffort + ", toolChoice=" + toolChoice + ", store=" + store
        + ", metadata=" + metadata.keySet() + ", state=" + state + ", extraOptions=" + extraOptions.keySet()
        + ", providerName=" + providerName + ", label=" + label + "]";
  }

  private static OpenAiResponsesOptions builder(String apiKey, String model, String baseUrl, String provider) {
    return new OpenAiResponsesOptions(apiKey, model, baseUrl, null, null, DEFAULT_USE_WEBSOCKET, null, null, null,
        null, null, null, Map.of(), DEFAULT_STATE, Map.of(), provider, null);
  }

  private static Map<String, String> copyMetadata(Map<String, String> values) {
    if (values == null || values.isEmpty()) {
      return Map.of();
    }
    Map<String, String> copy = new LinkedHashMap<>();
    values.forEach((key, value) -> copy.put(Objects.requireNonNull(key, "metadata keys must not be null"),
        Objects.requireNonNull(value, "metadata values must not be null")));
    return Collections.unmodifiableMap(copy);
  }

  private static boolean isOpenAi(HttpUrl url) {
    return url.host().equals("api.openai.com");
  }
}
