package dev.chatstream.llm.bedrock.internal;

import dev.chatstream.llm.ApiStatusException;
import dev.chatstream.llm.LlmException;
import dev.chatstream.llm.internal.retry.ExceptionMapper;
import dev.chatstream.llm.internal.stream.CredentialHeaders;
import dev.chatstream.llm.internal.stream.EventReader;
import dev.chatstream.llm.internal.stream.JsonPost;
import dev.chatstream.llm.internal.stream.StreamExchange;
import dev.chatstream.llm.internal.stream.StreamParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSource;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.eventstream.Message;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * One ConverseStream generation: the body, built once, is signed afresh for every attempt with the
 * SDK's SigV4 signer (service {@code bedrock}) and the credentials the provider's chain gives at that
 * moment; the answer is read as an AWS event stream. The credentials of an attempt are masked in its
 * errors.
 */
public final class BedrockExchange implements StreamExchange<Message> {

  /** The name requests are signed for. */
  static final String SIGNING_NAME = "bedrock";

  private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();

  private final JsonPost post;
  private final String region;
  private final AwsCredentialsProvider credentials;
  private List<String> secrets = List.of();

  /**
   * An exchange of {@code post}, signed for {@code region}.
   *
   * @param post the URL and body (its headers are not used: the signature makes them)
   * @param region the region signed for
   * @param credentials asked for credentials on every attempt
   */
  public BedrockExchange(JsonPost post, String region, AwsCredentialsProvider credentials) {
    this.post = post;
    this.region = region;
    this.credentials = credentials;
  }

  @Override
  public Request request() throws IOException {
    byte[] body = post.bytes();
    AwsCredentials identity = resolve();
    SdkHttpRequest unsigned = SdkHttpRequest.builder()
        .method(SdkHttpMethod.POST)
        .uri(post.url().uri())
        .putHeader("Content-Type", JsonPost.JSON.toString())
        .putHeader("Accept", "application/vnd.amazon.eventstream")
        .build();
    SignedRequest signed = SIGNER.sign(request -> request
        .identity(identity)
        .request(unsigned)
        .payload(ContentStreamProvider.fromByteArray(body))
        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, SIGNING_NAME)
        .putProperty(AwsV4HttpSigner.REGION_NAME, region));
    Request.Builder http = new Request.Builder().url(post.url()).post(RequestBody.create(body, JsonPost.JSON));
    for (Map.Entry<String, List<String>> header : signed.request().headers().entrySet()) {
      if (!header.getKey().equalsIgnoreCase("Host")) {
        header.getValue().forEach(value -> http.addHeader(header.getKey(), value));
      }
    }
    return http.build();
  }

  @Override
  public List<String> secrets(Request request) {
    List<String> values = new ArrayList<>(CredentialHeaders.values(request));
    values.addAll(secrets);
    return values;
  }

  @Override
  public String streamSubtype() {
    return "vnd.amazon.eventstream";
  }

  @Override
  public EventReader<Message> reader(BufferedSource body) {
    return new EventStreamReader(body);
  }

  @Override
  public StreamParser<Message> parser(Response response, ExceptionMapper errors) {
    return new ConverseStreamParser(errors, ExceptionMapper.requestId(response.headers()));
  }

  @Override
  public ApiStatusException error(Response response, ExceptionMapper errors) {
    return errors.fromResponse(response, BedrockErrors.DIALECT);
  }

  private AwsCredentials resolve() {
    AwsCredentials identity;
    try {
      identity = credentials.resolveCredentials();
    } catch (RuntimeException unavailable) {
      throw new LlmException("AWS credentials could not be resolved: " + unavailable.getMessage(), false, null);
    }
    List<String> values = new ArrayList<>(List.of(identity.accessKeyId(), identity.secretAccessKey()));
    if (identity instanceof AwsSessionCredentials session) {
      values.add(session.sessionToken());
    }
    secrets = values;
    return identity;
  }
}
