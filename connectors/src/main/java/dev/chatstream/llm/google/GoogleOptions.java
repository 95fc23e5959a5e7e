package dev.chatstream.llm.google;

import dev.chatstream.llm.internal.options.OptionValues;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import okhttp3.HttpUrl;

/**
 * How to reach Gemini: the Gemini API with an API key, or Vertex AI, either in express mode with an
 * API key or in a project and location with OAuth access tokens. Immutable; {@code toString} never
 * shows the key or a token.
 *
 * @param apiKey the key sent as {@code x-goog-api-key}; null for Vertex AI with access tokens
 * @param model the default model, such as {@code gemini-2.5-flash}
 * @param baseUrl the API root; by default {@code https://generativelanguage.googleapis.com} for the
 *     Gemini API, and Vertex AI's regional (or global) endpoint for Vertex AI
 * @param vertexAi whether to call Vertex AI instead of the Gemini API
 * @param project the Google Cloud project (Vertex AI with access tokens)
 * @param location the Vertex AI location, such as {@code us-central1} or {@code global}
 * @param accessTokens makes a bearer token for each attempt (Vertex AI without an API key), or null
 * @param extraOptions request options: Gemini's generation settings ({@code temperature},
 *     {@code max_output_tokens}, {@code top_p}, {@code thinking_config}, ...) go into
 *     {@code generation_config}, anything else ({@code safety_settings}, ...) into the body as given;
 *     a request's own extra options override them
 * @param label the label on errors and metrics ({@code google.LLM} by default)
 */
public record GoogleOptions(
    String apiKey,
    String model,
    String baseUrl,
    boolean vertexAi,
    String project,
    String location,
    Supplier<String> accessTokens,
    Map<String, Object> extraOptions,
    String label) {

  /** The Gemini API's root. */
  public static final String GEMINI_API_URL = "https://generativelanguage.googleapis.com";
  /** The model used when none is given. */
  public static final String DEFAULT_MODEL = "gemini-2.5-flash";
  /** The Vertex AI location used when none is given. */
  public static final String DEFAULT_LOCATION = "us-central1";

  /** The environment variable holding the key (Google's SDKs read it first). */
  public static final String API_KEY_ENV = "GOOGLE_API_KEY";
  /** The environment variable holding the key when {@link #API_KEY_ENV} is not set. */
  public static final String GEMINI_API_KEY_ENV = "GEMINI_API_KEY";
  /** The environment variable that selects Vertex AI ({@code true} or {@code 1}). */
  public static final String USE_VERTEX_AI_ENV = "GOOGLE_GENAI_USE_VERTEXAI";
  /** The environment variable holding the Google Cloud project. */
  public static final String PROJECT_ENV = "GOOGLE_CLOUD_PROJECT";
  /** The environment variable holding the Vertex AI location. */
  public static final String LOCATION_ENV = "GOOGLE_CLOUD_LOCATION";

  private static final String DEFAULT_LABEL = "google.LLM";

  /**
   * Validates and fills in defaults.
   *
   * @throws IllegalArgumentException when no credential is given, Vertex AI has neither a key nor a
   *     project with access tokens, or the URL is not http(s)
   */
  public GoogleOptions {
    model = OptionValues.orDefault(model, DEFAULT_MODEL);
    location = OptionValues.orDefault(location, DEFAULT_LOCATION);
    boolean hasKey = OptionValues.present(apiKey);
    if (!vertexAi && !hasKey) {
      throw new IllegalArgumentException("a Gemini API key is required (set " + API_KEY_ENV + " or "
          + GEMINI_API_KEY_ENV + ")");
    }
    if (vertexAi && !hasKey && (accessTokens == null || !OptionValues.present(project))) {
      throw new IllegalArgumentException("Vertex AI needs an API key (express mode), or a project ("
          + PROJECT_ENV + ") with access tokens");
    }
    baseUrl = OptionValues.orDefault(baseUrl, vertexAi ? vertexUrl(hasKey, location) : GEMINI_API_URL);
    if (HttpUrl.parse(baseUrl) == null) {
      throw new IllegalArgumentException("base URL is not an http(s) URL: " + baseUrl);
    }
    extraOptions = OptionValues.copy(extraOptions);
    label = OptionValues.orDefault(label, DEFAULT_LABEL);
  }

  /** The Gemini API with this key and model. */
  public static GoogleOptions of(String apiKey, String model) {
    Objects.requireNonNull(apiKey, "api key must not be null");
    return new GoogleOptions(apiKey, model, null, false, null, null, null, Map.of(), null);
  }

  /** Vertex AI in express mode: an API key, no project. */
  public static GoogleOptions vertexAiExpress(String apiKey, String model) {
    Objects.requireNonNull(apiKey, "api key must not be null");
    return new GoogleOptions(apiKey, model, null, true, null, null, null, Map.of(), null);
  }

  /** Vertex AI in {@code project} and {@code location} (the default when null), authorized by {@code accessTokens}. */
  public static GoogleOptions vertexAi(String project, String location, Supplier<String> accessTokens, String model) {
    return new GoogleOptions(null, model, null, true, project, location, accessTokens, Map.of(), null);
  }

  /** Options from the process environment; see {@link #fromEnvironment(String, Map)}. */
  public static GoogleOptions fromEnvironment(String model) {
    return fromEnvironment(model, System.getenv());
  }

  /**
   * Options for {@code model} from {@code environment}: the key from {@code GOOGLE_API_KEY} else
   * {@code GEMINI_API_KEY}; {@code GOOGLE_GENAI_USE_VERTEXAI=true} selects Vertex AI in express mode
   * (access tokens for a project are not read from the environment: pass them with
   * {@link #vertexAi}).
   *
   * @throws IllegalStateException when no key is set
   */
  public static GoogleOptions fromEnvironment(String model, Map<String, String> environment) {
    String apiKey = OptionValues.firstPresent(environment, API_KEY_ENV, GEMINI_API_KEY_ENV);
    if (apiKey == null) {
      throw new IllegalStateException("Gemini API key is missing: set " + API_KEY_ENV + " or " + GEMINI_API_KEY_ENV);
    }
    String vertex = environment.getOrDefault(USE_VERTEX_AI_ENV, "");
    boolean vertexAi = vertex.equalsIgnoreCase("true") || vertex.equals("1");
    return new GoogleOptions(apiKey, model, null, vertexAi, environment.get(PROJECT_ENV),
        environment.get(LOCATION_ENV), null, Map.of(), null);
  }

  /** A copy with another API root. */
  public GoogleOptions withBaseUrl(String url) {
    return new GoogleOptions(apiKey, model, url, vertexAi, project, location, accessTokens, extraOptions, label);
  }

  /** A copy with another default model. */
  public GoogleOptions withModel(String name) {
    return new GoogleOptions(apiKey, name, baseUrl, vertexAi, project, location, accessTokens, extraOptions, label);
  }

  /** A copy with these extra options (replacing the previous ones). */
  public GoogleOptions withExtraOptions(Map<String, Object> options) {
    return new GoogleOptions(apiKey, model, baseUrl, vertexAi, project, location, accessTokens, options, label);
  }

  /** A copy with another label. */
  public GoogleOptions withLabel(String newLabel) {
    return new GoogleOptions(apiKey, model, baseUrl, vertexAi, project, location, accessTokens, extraOptions, newLabel);
  }

  /** True when requests go to a project's Vertex AI endpoint, authorized by access tokens. */
  public boolean usesAccessTokens() {
    return vertexAi && !OptionValues.present(apiKey);
  }

  @Override
  public String toString() {
    return "GoogleOptions[model=" + model + ", baseUrl=" + baseUrl + ", vertexAi=" + vertexAi + ", project=" + project
        + ", location=" + location + ", apiKey=" + (OptionValues.present(apiKey) ? "[hidden]" : "none")
        + ", accessTokens=" + (accessTokens == null ? "none" : "[hidden]") + ", extraOptions="
        + extraOptions.keySet() + ", label=" + label + "]";
  }

  private static String vertexUrl(boolean express, String location) {
    return express || location.equals("global")
        ? "https://aiplatform.googleapis.com"
        : "https://" + location + "-aiplatform.googleapis.com";
  }
}
