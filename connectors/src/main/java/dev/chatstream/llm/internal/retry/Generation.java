package dev.chatstream.llm.internal.retry;

import dev.chatstream.llm.ConnectOptions;
import java.util.Objects;

/**
 * Who runs a generation and how hard it tries: what the retry loop stamps on errors and metrics.
 *
 * @param label the provider label
 * @param provider the provider named in metrics
 * @param model the model asked
 * @param requestId the caller's request id
 * @param connectOptions retries, waits and the attempt timeout
 */
public record Generation(
    String label, String provider, String model, String requestId, ConnectOptions connectOptions) {

  /** @throws NullPointerException when a part is null */
  public Generation {
    Objects.requireNonNull(label, "label must not be null");
    Objects.requireNonNull(provider, "provider must not be null");
    Objects.requireNonNull(model, "model must not be null");
    Objects.requireNonNull(requestId, "request id must not be null");
    Objects.requireNonNull(connectOptions, "connect options must not be null");
  }
}
