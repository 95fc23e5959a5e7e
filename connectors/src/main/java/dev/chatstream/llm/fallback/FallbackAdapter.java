package dev.chatstream.llm.fallback;

import dev.chatstream.llm.AvailabilityChanged;
import dev.chatstream.llm.LlmProvider;
import dev.chatstream.llm.LlmRequest;
import dev.chatstream.llm.LlmStream;
import dev.chatstream.llm.LlmStreamListener;
import dev.chatstream.llm.chat.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An LLM made of several: each generation goes to the first available member and falls back to the
 * next one when a member fails.
 *
 * <ul>
 *   <li>Members are tried in order, skipping unavailable ones; when none is available, every member
 *       is tried. Each gets the request with {@link FallbackOptions#memberConnectOptions()}; the
 *       request's own connect options are not used.</li>
 *   <li>A member that fails is marked unavailable, which is published once as
 *       {@code AvailabilityChanged(label, false)}, and its error reaches the caller as
 *       {@link LlmStreamListener#onRetry} (recoverable). If a response chunk already reached the caller
 *       and {@link FallbackOptions#retryOnChunkSent()} is false, that error ends the generation instead.</li>
 *   <li>An unavailable member that a request skips or that fails gets a background recovery probe
 *       (one at a time per member): the same request replayed on it without its provider state, so a
 *       probe never changes the conversation a provider keeps, and its output dropped. When the probe
 *       completes, the member is available again ({@code available: true}); so is a member that
 *       answers a request while every member was unavailable.</li>
 *   <li>When every member failed, the generation fails with {@code all LLMs failed (labels) after N s}
 *       (kind {@code OTHER}, not recoverable).</li>
 *   <li>The answering member's chunks, retries and metrics pass through unchanged: metrics name the
 *       member's label, model and provider. So do the provider states members report, also those of
 *       a member that failed afterwards (what it changed on its provider's side stays changed).
 *       Cancelling cancels the member that is answering.</li>
 * </ul>
 *
 * <p>Availability changes go to the listener of the request that caused them (for a recovery, the
 * request that started the probe, even when that request has ended by then) and to every
 * {@linkplain #addAvailabilityListener availability listener}. Availability is shared by all
 * concurrent requests. Thread-safe.
 */
public final class FallbackAdapter implements LlmProvider {
  /** The adapter's label, on its own errors. */
  public static final String LABEL = "FallbackAdapter";
  /** The adapter's model name. */
  public static final String MODEL = "FallbackAdapter";
  /** The adapter's provider name. */
  public static final String PROVIDER = "chatstream";

  private static final Logger LOG = LoggerFactory.getLogger(FallbackAdapter.class);

  private final List<Member> members;
  private final FallbackOptions options;
  private final List<Consumer<AvailabilityChanged>> availabilityListeners = new CopyOnWriteArrayList<>();
  private volatile boolean closed;

  private FallbackAdapter(List<? extends LlmProvider> llms, FallbackOptions options) {
    Objects.requireNonNull(llms, "llms must not be null");
    if (llms.isEmpty()) {
      throw new IllegalArgumentException("at least one LLM must be provided");
    }
    this.members = llms.stream().map(llm -> new Member(Objects.requireNonNull(llm, "llms must not contain null"))).toList();
    this.options = Objects.requireNonNull(options, "options must not be null");
  }

  /**
   * An adapter over {@code llms}, in fallback order, with {@link FallbackOptions#defaults()}.
   *
   * @throws IllegalArgumentException when {@code llms} is empty
   */
  public static FallbackAdapter of(List<? extends LlmProvider> llms) {
    return of(llms, FallbackOptions.defaults());
  }

  /**
   * An adapter over {@code llms}, in fallback order.
   *
   * @throws IllegalArgumentException when {@code llms} is empty
   */
  public static FallbackAdapter of(List<? extends LlmProvider> llms, FallbackOptions options) {
    return new FallbackAdapter(llms, options);
  }

  @Override
  public String label() {
    return LABEL;
  }

  @Override
  public String model() {
    return MODEL;
  }

  @Override
  public String provider() {
    return PROVIDER;
  }

  /** The members, in fallback order. */
  public List<LlmProvider> llms() {
    return members.stream().map(Member::llm).toList();
  }

  /** The options the members run with. */
  public FallbackOptions options() {
    return options;
  }

  /**
   * Whether the member at {@code index} is currently available.
   *
   * @throws IndexOutOfBoundsException when there is no such member
   */
  public boolean isAvailable(int index) {
    return members.get(index).isAvailable();
  }

  /**
   * Registers a listener for every availability change of every member, from any request or probe.
   * It is called on connector threads, possibly concurrently, and must not block.
   */
  public void addAvailabilityListener(Consumer<AvailabilityChanged> listener) {
    availabilityListeners.add(Objects.requireNonNull(listener, "listener must not be null"));
  }

  /** Removes a listener added by {@link #addAvailabilityListener}. */
  public void removeAvailabilityListener(Consumer<AvailabilityChanged> listener) {
    availabilityListeners.remove(listener);
  }

  /**
   * Starts a generation on the first member to try.
   *
   * @throws IllegalStateException when the adapter is closed
   */
  @Override
  public LlmStream chat(LlmRequest request, LlmStreamListener listener) {
    Objects.requireNonNull(request, "request must not be null");
    Objects.requireNonNull(listener, "listener must not be null");
    if (closed) {
      throw new IllegalStateException("the FallbackAdapter is closed");
    }
    FallbackStream stream = new FallbackStream(this, request, listener);
    stream.start();
    return stream;
  }

  /** Stops the running recovery probes. The members are not closed: whoever created them owns them. */
  @Override
  public void close() {
    closed = true;
    for (Member member : members) {
      RecoveryProbe probe = member.probe();
      if (probe != null) {
        probe.cancel();
      }
    }
  }

  List<Member> members() {
    return members;
  }

  /** Marks {@code member} unavailable after it failed for {@code request}. */
  void failed(Member member, FallbackStream request) {
    if (member.markUnavailable()) {
      publish(new AvailabilityChanged(member.llm().label(), false, Clock.nowSeconds()), request);
    }
  }

  /** Marks {@code member} available again, telling {@code request} (which may have ended). */
  void recovered(Member member, FallbackStream request) {
    if (member.markAvailable()) {
      LOG.info("{} recovered", member.llm().label());
      publish(new AvailabilityChanged(member.llm().label(), true, Clock.nowSeconds()), request);
    }
  }

  /** Starts a recovery probe on {@code member} with {@code request}, unless one runs or it is available. */
  void probe(Member member, LlmRequest request, FallbackStream origin) {
    if (closed || member.isAvailable()) {
      return;
    }
    RecoveryProbe probe = new RecoveryProbe(this, member, origin);
    if (member.claimProbe(probe)) {
      probe.start(request.providerState() == null ? request : request.withProviderState(null));
      if (closed) {
        probe.cancel();
      }
    }
  }

  private void publish(AvailabilityChanged change, FallbackStream request) {
    for (Consumer<AvailabilityChanged> listener : availabilityListeners) {
      try {
        listener.accept(change);
      } catch (RuntimeException e) {
        LOG.warn("availability listener failed", e);
      }
    }
    request.availabilityChanged(change);
  }
}
