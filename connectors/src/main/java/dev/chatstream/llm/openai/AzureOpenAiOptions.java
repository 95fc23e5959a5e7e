package dev.chatstream.llm.openai;

import dev.chatstream.llm.internal.options.OptionValues;
import java.util.Map;
import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * How to reach an Azure OpenAI deployment: requests go to
 * {@code {endpoint}/openai/deployments/{deployment}/chat/completions?api-version={apiVersion}} with the
 * key in an {@code api-key} header. Immutable; {@code toString} never shows the key.
 *
 * @param endpoint the resource URL, such as {@code https://my-resource.openai.azure.com}
 * @param deployment the deployment name
 * @param apiVersion the API version
 * @param apiKey the resource key
 * @param model the model behind the deployment, for metrics and model-family rules (the deployment
 *     name by default)
 * @param extraOptions body fields sent with every request; a request's own extra options override them
 * @param label the label on errors and metrics ({@code azure.LLM} by default)
 */
public record AzureOpenAiOptions(
    String endpoint,
    String deployment,
    String apiVersion,
    String apiKey,
    String model,
    Map<String, Object> extraOptions,
    String label) {

  /** The API version used when none is given (GA, with {@code stream_options}). */
  public static final String DEFAULT_API_VERSION = "2024-10-21";

  /** The environment variable holding the resource URL. */
  public static final String ENDPOINT_ENV = "AZURE_OPENAI_ENDPOINT";
  /** The environment variable holding the key. */
  public static final String API_KEY_ENV = "AZURE_OPENAI_API_KEY";
  /** The environment variable holding the API version. */
  public static final String API_VERSION_ENV = "OPENAI_API_VERSION";

  /**
   * Validates and fills in defaults.
   *
   * @throws IllegalArgumentException when the endpoint is not an http(s) URL, or the deployment or
   *     key is missing
   */
  public AzureOpenAiOptions {
    Objects.requireNonNull(endpoint, "endpoint must not be null");
    if (HttpUrl.parse(endpoint) == null) {
      throw new IllegalArgumentException("Azure endpoint is not an http(s) URL: " + endpoint);
    }
    if (!OptionValues.present(deployment)) {
      throw new IllegalArgumentException("an Azure deployment name is required");
    }
    if (!OptionValues.present(apiKey)) {
      throw new IllegalArgumentException("an Azure OpenAI API key is required (set " + API_KEY_ENV + ")");
    }
    apiVersion = OptionValues.present(apiVersion) ? apiVersion : DEFAULT_API_VERSION;
    model = OptionValues.present(model) ? model : deployment;
    extraOptions = OptionValues.copy(extraOptions);
    label = OptionValues.present(label) ? label : "azure.LLM";
  }

  /** A deployment with the default API version. */
  public static AzureOpenAiOptions of(String endpoint, String deployment, String apiKey) {
    return new AzureOpenAiOptions(endpoint, deployment, null, apiKey, null, Map.of(), null);
  }

  /** Options from the process environment; see {@link #fromEnvironment(String, Map)}. */
  public static AzureOpenAiOptions fromEnvironment(String deployment) {
    return fromEnvironment(deployment, System.getenv());
  }

  /**
   * Options for {@code deployment} from {@code AZURE_OPENAI_ENDPOINT}, {@code AZURE_OPENAI_API_KEY} and
   * {@code OPENAI_API_VERSION} (optional) in {@code environment}.
   *
   * @throws IllegalStateException when the endpoint or the key is missing
   */
  public static AzureOpenAiOptions fromEnvironment(String deployment, Map<String, String> environment) {
    String endpoint = environment.get(ENDPOINT_ENV);
    if (!OptionValues.present(endpoint)) {
      throw new IllegalStateException("Azure OpenAI endpoint is missing: set " + ENDPOINT_ENV);
    }
    String apiKey = environment.get(API_KEY_ENV);
    if (!OptionValues.present(apiKey)) {
      throw new IllegalStateException("Azure OpenAI API key is missing: set " + API_KEY_ENV);
    }
    return new AzureOpenAiOptions(endpoint, deployment, environment.get(API_VERSION_ENV), apiKey, null, Map.of(), null);
  }

  /** A copy with another API version. */
  public AzureOpenAiOptions withApiVersion(String version) {
    return new AzureOpenAiOptions(endpoint, deployment, version, apiKey, model, extraOptions, label);
  }

  /** A copy naming the model behind the deployment. */
  public AzureOpenAiOptions withModel(String name) {
    return new AzureOpenAiOptions(endpoint, deployment, apiVersion, apiKey, name, extraOptions, label);
  }

  /** A copy with these extra options (replacing the previous ones). */
  public AzureOpenAiOptions withExtraOptions(Map<String, Object> options) {
    return new AzureOpenAiOptions(endpoint, deployment, apiVersion, apiKey, model, options, label);
  }

  /** A copy with another label. */
  public AzureOpenAiOptions withLabel(String newLabel) {
    return new AzureOpenAiOptions(endpoint, deployment, apiVersion, apiKey, model, extraOptions, newLabel);
  }

  @Override
  public String toString() {
    return "AzureOpenAiOptions[endpoint=" + endpoint + ", deployment=" + deployment + ", apiVersion=" + apiVersion
        + ", apiKey=[hidden], model=" + model + ", extraOptions=" + extraOptions.keySet() + ", label=" + label + "]";
  }
}
