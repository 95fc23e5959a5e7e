package dev.chatstream.llm.mistral;

import dev.chatstream.llm.internal.options.OptionValues;
import java.util.Map;
import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * How to reach Mistral's chat completions API. Immutable; {@code toString} never shows the key.
 *
 * @param apiKey the bearer key
 * @param model the default model, such as {@code mistral-small-latest}
 * @param baseUrl the API root, such as {@code https://api.mistral.ai/v1}; requests go to
 *     {@code {baseUrl}/chat/completions}
 * @param extraOptions body fields sent with every request ({@code temperature}, {@code max_tokens},
 *     {@code random_seed}, {@code safe_prompt}, ...); a request's own extra options override them
 * @param label the label on errors and metrics ({@code mistral.LLM} by default)
 */
public record MistralOptions(String apiKey, String model, String baseUrl, Map<String, Object> extraOptions, String label) {

  /** Mistral's API root. */
  public static final String DEFAULT_BASE_URL = "https://api.mistral.ai/v1";
  /** The model used when none is given. */
  public static final String DEFAULT_MODEL = "mistral-small-latest";

  /** The environment variable holding the key (as Mistral's SDKs read it). */
  public static final String API_KEY_ENV = "MISTRAL_API_KEY";

  private static final String DEFAULT_LABEL = "mistral.LLM";

  /**
   * Validates and fills in defaults.
   *
   * @throws IllegalArgumentException when the key is missing or the URL is not http(s)
   */
  public MistralOptions {
    if (!OptionValues.present(apiKey)) {
      throw new IllegalArgumentException("a Mistral API key is required (set " + API_KEY_ENV + ")");
    }
    model = OptionValues.orDefault(model, DEFAULT_MODEL);
    baseUrl = OptionValues.orDefault(baseUrl, DEFAULT_BASE_URL);
    if (HttpUrl.parse(baseUrl) == null) {
      throw new IllegalArgumentException("base URL is not an http(s) URL: " + baseUrl);
    }
    extraOptions = OptionValues.copy(extraOptions);
    label = OptionValues.orDefault(label, DEFAULT_LABEL);
  }

  /** Mistral's API with this key and model. */
  public static MistralOptions of(String apiKey, String model) {
    Objects.requireNonNull(apiKey, "api key must not be null");
    return new MistralOptions(apiKey, model, null, Map.of(), null);
  }

  /** Options from the process environment; see {@link #fromEnvironment(String, Map)}. */
  public static MistralOptions fromEnvironment(String model) {
    return fromEnvironment(model, System.getenv());
  }

  /**
   * Options for {@code model} from {@code MISTRAL_API_KEY} in {@code environment}.
   *
   * @throws IllegalStateException when the key is missing
   */
  public static MistralOptions fromEnvironment(String model, Map<String, String> environment) {
    String apiKey = environment.get(API_KEY_ENV);
    if (!OptionValues.present(apiKey)) {
      throw new IllegalStateException("Mistral API key is missing: set " + API_KEY_ENV);
    }
    return new MistralOptions(apiKey, model, null, Map.of(), null);
  }

  /** A copy with another API root. */
  public MistralOptions withBaseUrl(String url) {
    return new MistralOptions(apiKey, model, url, extraOptions, label);
  }

  /** A copy with another default model. */
  public MistralOptions withModel(String name) {
    return new MistralOptions(apiKey, name, baseUrl, extraOptions, label);
  }

  /** A copy with these extra options (replacing the previous ones). */
  public MistralOptions withExtraOptions(Map<String, Object> options) {
    return new MistralOptions(apiKey, model, baseUrl, options, label);
  }

  /** A copy with another label. */
  public MistralOptions withLabel(String newLabel) {
    return new MistralOptions(apiKey, model, baseUrl, extraOptions, newLabel);
  }

  @Override
  public String toString() {
    return "MistralOptions[model=" + model + ", baseUrl=" + baseUrl + ", apiKey=[hidden], extraOptions="
        + extraOptions.keySet() + ", label=" + label + "]";
  }
}
