package dev.chatstream.llm.openai;

import dev.chatstream.llm.internal.options.OptionValues;
import java.util.Map;
import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * How to reach an OpenAI Chat Completions endpoint: OpenAI itself, or any OpenAI-compatible server
 * (Ollama, vLLM, Groq, Together, DeepSeek, OpenRouter) through its base URL. Immutable; {@code toString}
 * never shows the key.
 *
 * @param apiKey the bearer key; may be null only for a base URL other than OpenAI's
 * @param model the default model
 * @param baseUrl the API root, such as {@code https://api.openai.com/v1}
 * @param organization the {@code OpenAI-Organization} header, or null
 * @param project the {@code OpenAI-Project} header, or null
 * @param extraOptions body fields sent with every request ({@code temperature},
 *     {@code max_completion_tokens}, {@code reasoning_effort}, an {@code extra_body} map merged whole);
 *     a request's own extra options override them
 * @param providerName the provider named in metrics ({@code openai} by default)
 * @param label the label on errors and metrics ({@code providerName + ".LLM"} by default)
 */
public record OpenAiChatOptions(
    String apiKey,
    String model,
    String baseUrl,
    String organization,
    String project,
    Map<String, Object> extraOptions,
    String providerName,
    String label) {

  /** The model a profile or caller that names none gets, as in LiveKit's OpenAI plugin. */
  public static final String DEFAULT_MODEL = "gpt-4.1";

  /** OpenAI's API root. */
  public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";

  /** The environment variable holding the key. */
  public static final String API_KEY_ENV = "OPENAI_API_KEY";
  /** The environment variable holding a base URL other than OpenAI's. */
  public static final String BASE_URL_ENV = "OPENAI_BASE_URL";
  /** The environment variable holding the organization id. */
  public static final String ORGANIZATION_ENV = "OPENAI_ORG_ID";
  /** The environment variable holding the project id. */
  public static final String PROJECT_ENV = "OPENAI_PROJECT_ID";

  private static final String DEFAULT_PROVIDER = "openai";

  /**
   * Validates and fills in defaults.
   *
   * @throws IllegalArgumentException when the model is empty, the base URL is not an http(s) URL, or
   *     the key is missing for OpenAI's own API
   */
  public OpenAiChatOptions {
    Objects.requireNonNull(model, "model must not be null");
    if (model.isBlank()) {
      throw new IllegalArgumentException("model must not be empty");
    }
    baseUrl = baseUrl == null ? DEFAULT_BASE_URL : baseUrl;
    if (HttpUrl.parse(baseUrl) == null) {
      throw new IllegalArgumentException("base URL is not an http(s) URL: " + baseUrl);
    }
    if (!OptionValues.present(apiKey) && isOpenAi(baseUrl)) {
      throw new IllegalArgumentException("an API key is required for " + baseUrl + " (set " + API_KEY_ENV + ")");
    }
    extraOptions = OptionValues.copy(extraOptions);
    providerName = OptionValues.present(providerName) ? providerName : DEFAULT_PROVIDER;
    label = OptionValues.present(label) ? label : providerName + ".LLM";
  }

  /** OpenAI's API with this key and default model. */
  public static OpenAiChatOptions of(String apiKey, String model) {
    Objects.requireNonNull(apiKey, "api key must not be null");
    return new OpenAiChatOptions(apiKey, model, DEFAULT_BASE_URL, null, null, Map.of(), null, null);
  }

  /** An OpenAI-compatible server that needs no key, such as a local Ollama or vLLM. */
  public static OpenAiChatOptions compatible(String baseUrl, String model) {
    Objects.requireNonNull(baseUrl, "base url must not be null");
    return new OpenAiChatOptions(null, model, baseUrl, null, null, Map.of(), null, null);
  }

  /** Options from the process environment; see {@link #fromEnvironment(String, Map)}. */
  public static OpenAiChatOptions fromEnvironment(String model) {
    return fromEnvironment(model, System.getenv());
  }

  /**
   * Options from {@code OPENAI_API_KEY}, {@code OPENAI_BASE_URL}, {@code OPENAI_ORG_ID} and
   * {@code OPENAI_PROJECT_ID} in {@code environment}.
   *
   * @throws IllegalStateException when {@code OPENAI_API_KEY} is missing and no other base URL is set
   */
  public static OpenAiChatOptions fromEnvironment(String model, Map<String, String> environment) {
    String baseUrl = environment.getOrDefault(BASE_URL_ENV, DEFAULT_BASE_URL);
    String apiKey = environment.get(API_KEY_ENV);
    if (!OptionValues.present(apiKey) && isOpenAi(baseUrl)) {
      throw new IllegalStateException("OpenAI API key is missing: set " + API_KEY_ENV);
    }
    return new OpenAiChatOptions(apiKey, model, baseUrl, environment.get(ORGANIZATION_ENV),
        environment.get(PROJECT_ENV), Map.of(), null, null);
  }

  /** A copy with another base URL (an OpenAI-compatible server). */
  public OpenAiChatOptions withBaseUrl(String url) {
    return new OpenAiChatOptions(apiKey, model, url, organization, project, extraOptions, providerName, label);
  }

  /** A copy with another default model. */
  public OpenAiChatOptions withModel(String name) {
    return new OpenAiChatOptions(apiKey, name, baseUrl, organization, project, extraOptions, providerName, label);
  }

  /** A copy with the {@code OpenAI-Organization} header. */
  public OpenAiChatOptions withOrganization(String id) {
    return new OpenAiChatOptions(apiKey, model, baseUrl, id, project, extraOptions, providerName, label);
  }

  /** A copy with the {@code OpenAI-Project} header. */
  public OpenAiChatOptions withProject(String id) {
    return new OpenAiChatOptions(apiKey, model, baseUrl, organization, id, extraOptions, providerName, label);
  }

  /** A copy with these extra options (replacing the previous ones). */
  public OpenAiChatOptions withExtraOptions(Map<String, Object> options) {
    return new OpenAiChatOptions(apiKey, model, baseUrl, organization, project, options, providerName, label);
  }

  /** A copy naming another provider in metrics; a default label follows the name. */
  public OpenAiChatOptions withProviderName(String name) {
    String newLabel = label.equals(providerName + ".LLM") ? null : label;
    return new OpenAiChatOptions(apiKey, model, baseUrl, organization, project, extraOptions, name, newLabel);
  }

  /** A copy with another label. */
  public OpenAiChatOptions withLabel(String newLabel) {
    return new OpenAiChatOptions(apiKey, model, baseUrl, organization, project, extraOptions, providerName, newLabel);
  }

  @Override
  public String toString() {
    return "OpenAiChatOptions[model=" + model + ", baseUrl=" + baseUrl + ", apiKey="
        + (OptionValues.present(apiKey) ? "[hidden]" : "none") + ", organization=" + organization
        + ", project=" + project + ", extraOptions=" + extraOptions.keySet() + ", providerName=" + providerName
        + ", label=" + label + "]";
  }

  private static boolean isOpenAi(String url) {
    HttpUrl parsed = HttpUrl.parse(url);
    return parsed != null && parsed.host().equals("api.openai.com");
  }
}
