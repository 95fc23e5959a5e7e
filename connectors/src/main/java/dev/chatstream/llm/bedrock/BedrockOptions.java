package dev.chatstream.llm.bedrock;

import dev.chatstream.llm.internal.options.OptionValues;
import java.util.Map;
import java.util.Objects;
import okhttp3.HttpUrl;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;

/**
 * How to reach Amazon Bedrock's Converse API. Immutable; {@code toString} never shows credentials.
 *
 * @param model the default model or inference profile id, such as
 *     {@code anthropic.claude-3-5-sonnet-20240620-v1:0} or {@code us.amazon.nova-micro-v1:0}
 * @param region the AWS region requests are signed for and sent to
 * @param baseUrl the Bedrock runtime endpoint; {@code https://bedrock-runtime.{region}.amazonaws.com}
 *     by default
 * @param credentials where AWS credentials come from (asked on every attempt, so rotating credentials
 *     are picked up); the SDK's default chain by default: environment, system properties, web
 *     identity, the shared profile files, container and instance credentials
 * @param extraOptions request options: {@code max_tokens}, {@code temperature}, {@code top_p} and
 *     {@code stop_sequences} (or their Converse names) go into {@code inferenceConfig}, anything else
 *     ({@code additionalModelRequestFields}, {@code guardrailConfig}, ...) into the body as given; a
 *     request's own extra options override them
 * @param label the label on errors and metrics ({@code bedrock.LLM} by default)
 */
public record BedrockOptions(
    String model,
    String region,
    String baseUrl,
    AwsCredentialsProvider credentials,
    Map<String, Object> extraOptions,
    String label) {

  /** The model used when none is given (as LiveKit's AWS plugin). */
  public static final String DEFAULT_MODEL = "anthropic.claude-3-5-sonnet-20240620-v1:0";
  /** The region used when none is given or configured. */
  public static final String DEFAULT_REGION = "us-east-1";

  /** The environment variable holding the region (the SDK's first choice). */
  public static final String REGION_ENV = "AWS_REGION";
  /** The environment variable holding the region when {@link #REGION_ENV} is not set. */
  public static final String DEFAULT_REGION_ENV = "AWS_DEFAULT_REGION";
  /** The environment variable holding the access key id. */
  public static final String ACCESS_KEY_ID_ENV = "AWS_ACCESS_KEY_ID";
  /** The environment variable holding the secret access key. */
  public static final String SECRET_ACCESS_KEY_ENV = "AWS_SECRET_ACCESS_KEY";
  /** The environment variable holding a session token. */
  public static final String SESSION_TOKEN_ENV = "AWS_SESSION_TOKEN";
  /** The environment variable naming the shared-config profile the default chain reads. */
  public static final String PROFILE_ENV = "AWS_PROFILE";

  private static final String DEFAULT_LABEL = "bedrock.LLM";

  /**
   * Validates and fills in defaults.
   *
   * @throws IllegalArgumentException when the URL is not http(s)
   */
  public BedrockOptions {
    model = OptionValues.orDefault(model, DEFAULT_MODEL);
    region = OptionValues.orDefault(region, DEFAULT_REGION);
    baseUrl = OptionValues.orDefault(baseUrl, "https://bedrock-runtime." + region + ".amazonaws.com");
    if (HttpUrl.parse(baseUrl) == null) {
      throw new IllegalArgumentException("base URL is not an http(s) URL: " + baseUrl);
    }
    credentials = credentials != null ? credentials : DefaultCredentialsProvider.builder().build();
    extraOptions = OptionValues.copy(extraOptions);
    label = OptionValues.orDefault(label, DEFAULT_LABEL);
  }

  /** {@code model} in {@code region} with credentials from the SDK's default chain. */
  public static BedrockOptions of(String model, String region) {
    return new BedrockOptions(model, region, null, null, Map.of(), null);
  }

  /** Options from the process environment and the shared AWS config; see {@link #fromEnvironment(String, Map)}. */
  public static BedrockOptions fromEnvironment(String model) {
    BedrockOptions options = fromEnvironment(model, System.getenv());
    if (OptionValues.firstPresent(System.getenv(), REGION_ENV, DEFAULT_REGION_ENV) == null) {
      String profileRegion = profileRegion();
      return profileRegion == null ? options : options.withRegion(profileRegion);
    }
    return options;
  }

  /**
   * Options for {@code model} from {@code environment}: the region from {@code AWS_REGION} else
   * {@code AWS_DEFAULT_REGION} else {@code us-east-1}; credentials from {@code AWS_ACCESS_KEY_ID},
   * {@code AWS_SECRET_ACCESS_KEY} and {@code AWS_SESSION_TOKEN} when the first two are set, else the
   * SDK's default chain.
   */
  public static BedrockOptions fromEnvironment(String model, Map<String, String> environment) {
    String region = OptionValues.firstPresent(environment, REGION_ENV, DEFAULT_REGION_ENV);
    String keyId = environment.get(ACCESS_KEY_ID_ENV);
    String secret = environment.get(SECRET_ACCESS_KEY_ENV);
    AwsCredentialsProvider credentials = null;
    if (OptionValues.present(keyId) && OptionValues.present(secret)) {
      String token = environment.get(SESSION_TOKEN_ENV);
      credentials = StaticCredentialsProvider.create(OptionValues.present(token)
          ? AwsSessionCredentials.create(keyId, secret, token)
          : AwsBasicCredentials.create(keyId, secret));
    }
    return new BedrockOptions(model, region, null, credentials, Map.of(), null);
  }

  /** A copy for another region (and its default endpoint, unless another was set). */
  public BedrockOptions withRegion(String newRegion) {
    String url = baseUrl.equals("https://bedrock-runtime." + region + ".amazonaws.com") ? null : baseUrl;
    return new BedrockOptions(model, newRegion, url, credentials, extraOptions, label);
  }

  /** A copy with another endpoint. */
  public BedrockOptions withBaseUrl(String url) {
    return new BedrockOptions(model, region, url, credentials, extraOptions, label);
  }

  /** A copy with another default model. */
  public BedrockOptions withModel(String name) {
    return new BedrockOptions(name, region, baseUrl, credentials, extraOptions, label);
  }

  /** A copy with these credentials. */
  public BedrockOptions withCredentials(AwsCredentialsProvider provider) {
    Objects.requireNonNull(provider, "credentials provider must not be null");
    return new BedrockOptions(model, region, baseUrl, provider, extraOptions, label);
  }

  /** A copy with these extra options (replacing the previous ones). */
  public BedrockOptions withExtraOptions(Map<String, Object> options) {
    return new BedrockOptions(model, region, baseUrl, credentials, options, label);
  }

  /** A copy with another label. */
  public BedrockOptions withLabel(String newLabel) {
    return new BedrockOptions(model, region, baseUrl, credentials, extraOptions, newLabel);
  }

  @Override
  public String toString() {
    return "BedrockOptions[model=" + model + ", region=" + region + ", baseUrl=" + baseUrl + ", credentials="
        + credentials.getClass().getSimpleName() + ", extraOptions=" + extraOptions.keySet() + ", label=" + label + "]";
  }

  private static String profileRegion() {
    try {
      return new AwsProfileRegionProvider().getRegion().id();
    } catch (RuntimeException none) {
      return null; // no shared config, or a profile without a region
    }
  }
}
