package dev.chatstream.llm.anthropic;

import dev.chatstream.llm.internal.options.OptionValues;
import java.util.Map;
import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * How to reach Anthropic's Messages API. Immutable; {@code toString} never shows the key.
 *
 * @param apiKey the key sent as {@code x-api-key}
 * @param model the default model
 * @param baseUrl the API root, such as {@code https://api.anthropic.com}; requests go to {@code {baseUrl}/v1/messages}
 * @param apiVersion the {@code anthropic-version} header
 * @param maxTokens {@code max_tokens}, which the API requires; an extra option of that name overrides it
 * @param promptCaching when true, {@code cache_control: {"type": "ephemeral"}} marks the system prompt,
 *     the last tool and the last content block of the conversation, so that a following turn reads them
 *     from Anthropic's prompt cache
 * @param extraOptions body fields sent with every request ({@code temperature}, {@code top_k},
 *     {@code thinking}, ...); a request's own extra options override them
 * @param label the label on errors and metrics ({@code anthropic.LLM} by default)
 */
public record AnthropicOptions(
    String apiKey,
    String model,
    String baseUrl,
    String apiVersion,
    int maxTokens,
    boolean promptCaching,
    Map<String, Object> extraOptions,
    String label) {

  /** Anthropic's API root. */
  public static final String DEFAULT_BASE_URL = "https://api.anthropic.com";
  /** The API version sent when none is given. */
  public static final String DEFAULT_API_VERSION = "2023-06-01";
  /** The model used when none is given. */
  public static final String DEFAULT_MODEL = "claude-sonnet-4-20250514";
  /** {@code max_tokens} when none is given (LiveKit's Anthropic plugin sends the same). */
  public static final int DEFAULT_MAX_TOKENS = 1024;
  /** Whether prompt caching is on when not asked for: off, as in LiveKit's Anthropic plugin. */
  public static final boolean DEFAULT_PROMPT_CACHING = false;

  /** The environment variable holding the key (as Anthropic's SDKs read it). */
  public static final String API_KEY_ENV = "ANTHROPIC_API_KEY";
  /** The environment variable holding another API root (as Anthropic's SDKs read it). */
  public static final String BASE_URL_ENV = "ANTHROPIC_BASE_URL";

  private static final String DEFAULT_LABEL = "anthropic.LLM";

  /**
   * Validates and fills in defaults.
   *
   * @throws IllegalArgumentException when the key is missing, the model empty, the URL not http(s), or
   *     {@code maxTokens} not positive
   */
  public AnthropicOptions {
    if (!OptionValues.present(apiKey)) {
      throw new IllegalArgumentException("an Anthropic API key is required (set " + API_KEY_ENV + ")");
    }
    model = OptionValues.orDefault(model, DEFAULT_MODEL);
    baseUrl = OptionValues.orDefault(baseUrl, DEFAULT_BASE_URL);
    if (HttpUrl.parse(baseUrl) == null) {
      throw new IllegalArgumentException("base URL is not an http(s) URL: " + baseUrl);
    }
    apiVersion = OptionValues.orDefault(apiVersion, DEFAULT_API_VERSION);
    if (maxTokens <= 0) {
      throw new IllegalArgumentException("max_tokens must be > 0, was " + maxTokens);
    }
    extraOptions = OptionValues.copy(extraOptions);
    label = OptionValues.orDefault(label, DEFAULT_LABEL);
  }

  /** Anthropic's API with this key and model, the default version and {@code max_tokens}, no caching. */
  public static AnthropicOptions of(String apiKey, String model) {
    Objects.requireNonNull(apiKey, "api key must not be null");
    return new AnthropicOptions(apiKey, model, null, null, DEFAULT_MAX_TOKENS, DEFAULT_PROMPT_CACHING, Map.of(), null);
  }

  /** Options from the process environment; see {@link #fromEnvironment(String, Map)}. */
  public static AnthropicOptions fromEnvironment(String model) {
    return fromEnvironment(model, System.getenv());
  }

  /**
   * Options for {@code model} (the default when null) from {@code ANTHROPIC_API_KEY} and
   * {@code ANTHROPIC_BASE_URL} (optional) in {@code environment}.
   *
   * @throws IllegalStateException when the key is missing
   */
  public static AnthropicOptions fromEnvironment(String model, Map<String, String> environment) {
    String apiKey = environment.get(API_KEY_ENV);
    if (!OptionValues.present(apiKey)) {
      throw new IllegalStateException("Anthropic API key is missing: set " + API_KEY_ENV);
    }
    return new AnthropicOptions(apiKey, model, environment.get(BASE_URL_ENV), null, DEFAULT_MAX_TOKENS,
        DEFAULT_PROMPT_CACHING, Map.of(), null);
  }

  /** A copy with another API root. */
  public AnthropicOptions withBaseUrl(String url) {
    return new AnthropicOptions(apiKey, model, url, apiVersion, maxTokens, promptCaching, extraOptions, label);
  }

  /** A copy with another default model. */
  public AnthropicOptions withModel(String name) {
    return new AnthropicOptions(apiKey, name, baseUrl, apiVersion, maxTokens, promptCaching, extraOptions, label);
  }

  /** A copy with another {@code anthropic-version}. */
  public AnthropicOptions withApiVersion(String version) {
    return new AnthropicOptions(apiKey, model, baseUrl, version, maxTokens, promptCaching, extraOptions, label);
  }

  /** A copy with another {@code max_tokens}. */
  public AnthropicOptions withMaxTokens(int tokens) {
    return new AnthropicOptions(apiKey, model, baseUrl, apiVersion, tokens, promptCaching, extraOptions, label);
  }

  /** A copy with prompt caching on or off. */
  public AnthropicOptions withPromptCaching(boolean caching) {
    return new AnthropicOptions(apiKey, model, baseUrl, apiVersion, maxTokens, caching, extraOptions, label);
  }

  /** A copy with these extra options (replacing the previous ones). */
  public AnthropicOptions withExtraOptions(Map<String, Object> options) {
    return new AnthropicOptions(apiKey, model, baseUrl, apiVersion, maxTokens, promptCaching, options, label);
  }

  /** A copy with another label. */
  public AnthropicOptions withLabel(String newLabel) {
    return new AnthropicOptions(apiKey, model, baseUrl, apiVersion, maxTokens, promptCaching, extraOptions, newLabel);
  }

  @Override
  public String toString() {
    return "AnthropicOptions[model=" + model + ", baseUrl=" + baseUrl + ", apiKey=[hidden], apiVersion=" + apiVersion
        + ", maxTokens=" + maxTokens + ", promptCaching=" + promptCaching + ", extraOptions="
        + extraOptions.keySet() + ", label=" + label + "]";
  }
}
