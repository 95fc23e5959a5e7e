package dev.chatstream.pipeline.config;

import static dev.chatstream.pipeline.config.LlmProfileConfig.API_KEY_CONFIG;
import static dev.chatstream.pipeline.config.LlmProfileConfig.API_KEY_ENV_CONFIG;
import static dev.chatstream.pipeline.config.LlmProfileConfig.BEDROCK_ACCESS_KEY_ID_CONFIG;
import static dev.chatstream.pipeline.config.LlmProfileConfig.BEDROCK_CREDENTIALS_PROFILE_CONFIG;
import static dev.chatstream.pipeline.config.LlmProfileConfig.BEDROCK_REGION_CONFIG;
import static dev.chatstream.pipeline.config.LlmProfileConfig.BEDROCK_SECRET_ACCESS_KEY_CONFIG;
import static dev.chatstream.pipeline.config.LlmProfileConfig.BEDROCK_SESSION_TOKEN_CONFIG;
import static dev.chatstream.pipeline.config.LlmProfileConfig.GOOGLE_ACCESS_TOKEN_FILE_CONFIG;
import static dev.chatstream.pipeline.config.LlmProfileConfig.GOOGLE_LOCATION_CONFIG;
import static dev.chatstream.pipeline.config.LlmProfileConfig.GOOGLE_PROJECT_CONFIG;
import static dev.chatstream.pipeline.config.LlmProfileConfig.GOOGLE_VERTEX_AI_CONFIG;

import dev.chatstream.llm.bedrock.BedrockOptions;
import dev.chatstream.llm.google.GoogleOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * Reads the settings of the two providers that authenticate with their cloud rather than with a key
 * alone: Google (the Gemini API, Vertex AI in express mode, or a project's Vertex AI with access tokens)
 * and Bedrock (a region and AWS credentials). Environment defaults are the variables the vendors' SDKs
 * read, by the connectors' names.
 */
final class CloudSettings {

  private CloudSettings() {}

  static ProviderSettings.Google google(ProfileReader profile) {
    boolean vertexAi = profile.flag(GOOGLE_VERTEX_AI_CONFIG)
        .orElseGet(() -> profile.present(GoogleOptions.USE_VERTEX_AI_ENV).map(CloudSettings::isTrue).orElse(false));
    Optional<String> tokenFile = profile.string(GOOGLE_ACCESS_TOKEN_FILE_CONFIG);
    List<String> projectKeys = List.of(GOOGLE_PROJECT_CONFIG, GOOGLE_LOCATION_CONFIG, GOOGLE_ACCESS_TOKEN_FILE_CONFIG);
    if (!vertexAi) {
      rejectSet(profile, projectKeys, "applies to Vertex AI only (" + profile.where(GOOGLE_VERTEX_AI_CONFIG) + "=true)");
      return new ProviderSettings.Google(false, Optional.empty());
    }
    if (tokenFile.isEmpty()) {
      rejectSet(profile, projectKeys, "applies with " + profile.where(GOOGLE_ACCESS_TOKEN_FILE_CONFIG)
          + " only: Vertex AI with an API key (express mode) takes no project");
      return new ProviderSettings.Google(true, Optional.empty());
    }
    if (profile.password(API_KEY_CONFIG).isPresent() || profile.string(API_KEY_ENV_CONFIG).isPresent()) {
      throw profile.fault("reaches its Vertex AI project with the tokens of "
          + profile.where(GOOGLE_ACCESS_TOKEN_FILE_CONFIG) + " and takes no API key; drop one or the other");
    }
    String project = profile.string(GOOGLE_PROJECT_CONFIG)
        .or(() -> profile.present(GoogleOptions.PROJECT_ENV))
        .orElseThrow(() -> profile.fault("needs " + profile.where(GOOGLE_PROJECT_CONFIG) + " or "
            + GoogleOptions.PROJECT_ENV + ": the project of the tokens in "
            + profile.where(GOOGLE_ACCESS_TOKEN_FILE_CONFIG)));
    String location = profile.string(GOOGLE_LOCATION_CONFIG)
        .or(() -> environmentRegion(profile, GoogleOptions.LOCATION_ENV))
        .orElse(GoogleOptions.DEFAULT_LOCATION);
    return new ProviderSettings.Google(true,
        Optional.of(new ProviderSettings.VertexProject(project, location, Path.of(tokenFile.get()))));
  }

  static ProviderSettings.Bedrock bedrock(ProfileReader profile) {
    Optional<String> region = profile.string(BEDROCK_REGION_CONFIG)
        .or(() -> environmentRegion(profile, BedrockOptions.REGION_ENV))
        .or(() -> environmentRegion(profile, BedrockOptions.DEFAULT_REGION_ENV));
    return new ProviderSettings.Bedrock(region, bedrockCredentials(profile));
  }

  private static BedrockCredentials bedrockCredentials(ProfileReader profile) {
    Optional<String> sharedProfile = profile.string(BEDROCK_CREDENTIALS_PROFILE_CONFIG);
    Optional<Password> keyId = profile.password(BEDROCK_ACCESS_KEY_ID_CONFIG);
    Optional<Password> secret = profile.password(BEDROCK_SECRET_ACCESS_KEY_CONFIG);
    Optional<Password> token = profile.password(BEDROCK_SESSION_TOKEN_CONFIG);
    if (keyId.isPresent() || secret.isPresent() || token.isPresent()) {
      if (sharedProfile.isPresent()) {
        throw profile.fault("names both " + profile.where(BEDROCK_CREDENTIALS_PROFILE_CONFIG)
            + " and static credentials; use one or the other");
      }
      if (keyId.isEmpty() || secret.isEmpty()) {
        throw profile.fault("needs both " + profile.where(BEDROCK_ACCESS_KEY_ID_CONFIG) + " and "
            + profile.where(BEDROCK_SECRET_ACCESS_KEY_CONFIG) + " for static credentials");
      }
      return new BedrockCredentials.Static(keyId.get(), secret.get(), token);
    }
    if (sharedProfile.isPresent()) {
      return new BedrockCredentials.SharedProfile(sharedProfile.get());
    }
    Optional<String> environmentKeyId = profile.present(BedrockOptions.ACCESS_KEY_ID_ENV);
    Optional<String> environmentSecret = profile.present(BedrockOptions.SECRET_ACCESS_KEY_ENV);
    if (environmentKeyId.isPresent() && environmentSecret.isPresent()) {
      return new BedrockCredentials.Static(new Password(environmentKeyId.get()), new Password(environmentSecret.get()),
          profile.present(BedrockOptions.SESSION_TOKEN_ENV).map(Password::new));
    }
    return new BedrockCredentials.DefaultChain();
  }

  private static Optional<String> environmentRegion(ProfileReader profile, String variable) {
    Optional<String> value = profile.present(variable);
    try {
      value.ifPresent(region -> Validators.regionName().ensureValid(variable, region));
    } catch (ConfigException e) {
      throw profile.fault("cannot use the environment: " + e.getMessage());
    }
    return value;
  }

  private static void rejectSet(ProfileReader profile, List<String> keys, String why) {
    for (String key : keys) {
      if (profile.string(key).isPresent()) {
        throw profile.fault(profile.where(key) + " " + why);
      }
    }
  }

  /** How Google's SDKs read {@code GOOGLE_GENAI_USE_VERTEXAI}. */
  private static boolean isTrue(String value) {
    return value.equalsIgnoreCase("true") || value.equals("1");
  }
}
