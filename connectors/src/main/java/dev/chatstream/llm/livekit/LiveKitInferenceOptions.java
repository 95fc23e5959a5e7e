package dev.chatstream.llm.livekit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * How to reach the LiveKit Inference gateway. Immutable; {@code toString} never shows the key or secret.
 *
 * @param model the model, passed verbatim (such as {@code openai/gpt-4.1-mini})
 * @param provider the upstream provider sent as {@code X-LiveKit-Inference-Provider}, or null
 * @param baseUrl the gateway root
 * @param apiKey the LiveKit API key (the token's issuer)
 * @param apiSecret the LiveKit API secret (signs the tokens)
 * @param extraOptions body fields sent with every request; they override a request's own extra options
 * @param label the label on errors and metrics ({@code livekit.LLM} by default)
 */
public record LiveKitInferenceOptions(
    String model,
    String provider,
    String baseUrl,
    String apiKey,
    String apiSecret,
    Map<String, Object> extraOptions,
    String label) {

  /** The gateway used when none is configured. */
  public static final String DEFAULT_BASE_URL = "https://agent-gateway.livekit.cloud/v1";

  /** The environment variable holding another gateway URL. */
  public static final String URL_ENV = "LIVEKIT_INFERENCE_URL";
  /** The environment variable holding the API key. */
  public static final String API_KEY_ENV = "LIVEKIT_INFERENCE_API_KEY";
  /** The environment variable holding the API secret. */
  public static final String API_SECRET_ENV = "LIVEKIT_INFERENCE_API_SECRET";
  /** The fallback environment variable for the API key. */
  public static final String FALLBACK_API_KEY_ENV = "LIVEKIT_API_KEY";
  /** The fallback environment variable for the API secret. */
  public static final String FALLBACK_API_SECRET_ENV = "LIVEKIT_API_SECRET";

  /**
   * Validates and fills in defaults.
   *
   * @throws IllegalArgumentException when the model, key or secret is missing, or the URL is not http(s)
   */
  public LiveKitInferenceOptions {
    Objects.requireNonNull(model, "model must not be null");
    if (model.isBlank()) {
      throw new IllegalArgumentException("model must not be empty");
    }
    baseUrl = baseUrl == null || baseUrl.isBlank() ? DEFAULT_BASE_URL : baseUrl;
    if (HttpUrl.parse(baseUrl) == null) {
      throw new IllegalArgumentException("LiveKit Inference URL is not an http(s) URL: " + baseUrl);
    }
    if (!present(apiKey)) {
      throw new IllegalArgumentException(missing("API key", API_KEY_ENV, FALLBACK_API_KEY_ENV));
    }
    if (!present(apiSecret)) {
      throw new IllegalArgumentException(missing("API secret", API_SECRET_ENV, FALLBACK_API_SECRET_ENV));
    }
    provider = present(provider) ? provider : null;
    extraOptions = extraOptions == null || extraOptions.isEmpty()
        ? Map.of()
        : Collections.unmodifiableMap(new LinkedHashMap<>(extraOptions));
    label = present(label) ? label : "livekit.LLM";
  }

  /** The default gateway with this key pair. */
  public static LiveKitInferenceOptions of(String model, String apiKey, String apiSecret) {
    return new LiveKitInferenceOptions(model, null, null, apiKey, apiSecret, Map.of(), null);
  }

  /** Options from the process environment; see {@link #fromEnvironment(String, Map)}. */
  public static LiveKitInferenceOptions fromEnvironment(String model) {
    return fromEnvironment(model, System.getenv());
  }

  /**
   * Options from {@code environment}: the URL from {@code LIVEKIT_INFERENCE_URL}, the key from
   * {@code LIVEKIT_INFERENCE_API_KEY} else {@code LIVEKIT_API_KEY}, the secret from
   * {@code LIVEKIT_INFERENCE_API_SECRET} else {@code LIVEKIT_API_SECRET}.
   *
   * @throws IllegalStateException naming the variables when the key or the secret is missing
   */
  public static LiveKitInferenceOptions fromEnvironment(String model, Map<String, String> environment) {
    String apiKey = firstPresent(environment, API_KEY_ENV, FALLBACK_API_KEY_ENV);
    if (apiKey == null) {
      throw new IllegalStateException(missing("API key", API_KEY_ENV, FALLBACK_API_KEY_ENV));
    }
    String apiSecret = firstPresent(environment, API_SECRET_ENV, FALLBACK_API_SECRET_ENV);
    if (apiSecret == null) {
      throw new IllegalStateException(missing("API secret", API_SECRET_ENV, FALLBACK_API_SECRET_ENV));
    }
    return new LiveKitInferenceOptions(model, null, environment.get(URL_ENV), apiKey, apiSecret, Map.of(), null);
  }

  /** A copy naming the upstream provider ({@code X-LiveKit-Inference-Provider}). */
  public LiveKitInferenceOptions withProvider(String name) {
    return new LiveKitInferenceOptions(model, name, baseUrl, apiKey, apiSecret, extraOptions, label);
  }

  /** A copy with another gateway URL. */
  public LiveKitInferenceOptions withBaseUrl(String url) {
    return new LiveKitInferenceOptions(model, provider, url, apiKey, apiSecret, extraOptions, label);
  }

  /** A copy with these extra options (replacing the previous ones). */
  public LiveKitInferenceOptions withExtraOptions(Map<String, Object> options) {
    return new LiveKitInferenceOptions(model, provider, baseUrl, apiKey, apiSecret, options, label);
  }

  /** A copy with another label. */
  public LiveKitInferenceOptions withLabel(String newLabel) {
    return new LiveKitInferenceOptions(model, provider, baseUrl, apiKey, apiSecret, extraOptions, newLabel);
  }

  @Override
  public String toString() {
    return "LiveKitInferenceOptions[model=" + model + ", provider=" + provider + ", baseUrl=" + baseUrl
        + ", apiKey=[hidden], apiSecret=[hidden], extraOptions=" + extraOptions.keySet() + ", label=" + label + "]";
  }

  private static String missing(String what, String variable, String fallback) {
    return "LiveKit Inference " + what + " is missing: pass it or set " + variable + " (or " + fallback + ")";
  }

  private static String firstPresent(Map<String, String> environment, String... names) {
    for (String name : names) {
      String value = environment.get(name);
      if (present(value)) {
        return value;
      }
    }
    return null;
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }
}
