package dev.chatstream.llm.bedrock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

class BedrockOptionsTest {

  @Test
  void defaultsToUsEast1AndTheSdksCredentialChain() {
    BedrockOptions options = BedrockOptions.fromEnvironment(null, Map.of());

    assertEquals("us-east-1", options.region());
    assertEquals("https://bedrock-runtime.us-east-1.amazonaws.com", options.baseUrl());
    assertEquals("anthropic.claude-3-5-sonnet-20240620-v1:0", options.model());
    assertInstanceOf(DefaultCredentialsProvider.class, options.credentials());
    assertEquals("bedrock.LLM", options.label());
  }

  @Test
  void readsTheRegionAwsRegionFirst() {
    assertEquals("eu-west-3", BedrockOptions.fromEnvironment(null,
        Map.of("AWS_REGION", "eu-west-3", "AWS_DEFAULT_REGION", "us-west-2")).region());
    assertEquals("us-west-2", BedrockOptions.fromEnvironment(null, Map.of("AWS_DEFAULT_REGION", "us-west-2")).region());
  }

  @Test
  void readsStaticCredentialsWithASessionToken() {
    BedrockOptions options = BedrockOptions.fromEnvironment(null, Map.of("AWS_ACCESS_KEY_ID", "AKIDENV",
        "AWS_SECRET_ACCESS_KEY", "secret-OPTIONS-CANARY-1", "AWS_SESSION_TOKEN", "token-1"));

    AwsSessionCredentials credentials = assertInstanceOf(AwsSessionCredentials.class,
        options.credentials().resolveCredentials());
    assertEquals("AKIDENV", credentials.accessKeyId());
    assertEquals("token-1", credentials.sessionToken());
    assertFalse(options.toString().contains("secret-OPTIONS-CANARY-1"));
  }

  @Test
  void anotherRegionMovesTheDefaultEndpointButKeepsAnExplicitOne() {
    assertEquals("https://bedrock-runtime.ap-south-1.amazonaws.com",
        BedrockOptions.of(null, null).withRegion("ap-south-1").baseUrl());
    assertEquals("http://localhost:4566",
        BedrockOptions.of(null, null).withBaseUrl("http://localhost:4566").withRegion("ap-south-1").baseUrl());
  }
}
