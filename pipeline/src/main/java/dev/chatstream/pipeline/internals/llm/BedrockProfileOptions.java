package dev.chatstream.pipeline.internals.llm;

import dev.chatstream.llm.bedrock.BedrockOptions;
import dev.chatstream.pipeline.config.BedrockCredentials;
import dev.chatstream.pipeline.config.LlmProfile;
import dev.chatstream.pipeline.config.ProviderSettings;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** The connector options of a {@code bedrock} profile: its region and where its AWS credentials come from. */
final class BedrockProfileOptions {

  private BedrockProfileOptions() {}

  static BedrockOptions of(LlmProfile profile, ProviderSettings.Bedrock bedrock) {
    String model = profile.model().orElse(null);
    // without a region in the profile or the environment, the connector asks the shared AWS config
    BedrockOptions options = bedrock.region().map(region -> BedrockOptions.of(model, region))
        .orElseGet(() -> BedrockOptions.fromEnvironment(model));
    options = switch (bedrock.credentials()) {
      case BedrockCredentials.DefaultChain chain -> options;
      case BedrockCredentials.SharedProfile shared -> options.withCredentials(
          ProfileCredentialsProvider.builder().profileName(shared.name()).build());
      case BedrockCredentials.Static fixed -> options.withCredentials(staticProvider(fixed));
    };
    if (profile.baseUrl().isPresent()) {
      options = options.withBaseUrl(profile.baseUrl().get());
    }
    return options.withExtraOptions(profile.options());
  }

  private static AwsCredentialsProvider staticProvider(BedrockCredentials.Static fixed) {
    String keyId = fixed.accessKeyId().value();
    String secret = fixed.secretAccessKey().value();
    AwsCredentials credentials = fixed.sessionToken()
        .<AwsCredentials>map(token -> AwsSessionCredentials.create(keyId, secret, token.value()))
        .orElseGet(() -> AwsBasicCredentials.create(keyId, secret));
    return StaticCredentialsProvider.create(credentials);
  }
}
