package dev.chatstream.pipeline.config;

import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.common.config.types.Password;

/** Where a {@code bedrock} profile's AWS credentials come from. Secrets are {@link Password}s and print as {@code [hidden]}. */
public sealed interface BedrockCredentials {

  /** A few words for people, never a secret, such as {@code credentials of AWS profile dev}. */
  String describe();

  /**
   * The AWS SDK's default chain: system properties, the environment, web identity, the shared config's
   * profile ({@code AWS_PROFILE}), container and instance credentials.
   */
  record DefaultChain() implements BedrockCredentials {
    @Override
    public String describe() {
      return "credentials from the AWS default chain";
    }
  }

  /**
   * A profile of the shared AWS config and credentials files.
   *
   * @param name the profile name
   */
  record SharedProfile(String name) implements BedrockCredentials {
    /** Checks for null. */
    public SharedProfile {
      Objects.requireNonNull(name, "name");
    }

    @Override
    public String describe() {
      return "credentials of AWS profile " + name;
    }
  }

  /**
   * Fixed credentials.
   *
   * @param accessKeyId the access key id
   * @param secretAccessKey the secret access key
   * @param sessionToken the session token of temporary credentials, if any
   */
  record Static(Password accessKeyId, Password secretAccessKey, Optional<Password> sessionToken)
      implements BedrockCredentials {
    /** Checks for nulls. */
    public Static {
      Objects.requireNonNull(accessKeyId, "accessKeyId");
      Objects.requireNonNull(secretAccessKey, "secretAccessKey");
      Objects.requireNonNull(sessionToken, "sessionToken");
    }

    @Override
    public String describe() {
      return "static AWS credentials " + accessKeyId;
    }
  }
}
