package dev.chatstream.llm.offline;

import dev.chatstream.llm.LlmProvider;
import dev.chatstream.llm.LlmRequest;
import dev.chatstream.llm.LlmStream;
import dev.chatstream.llm.LlmStreamListener;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An LLM that needs no network and no key: it answers every request with a deterministic reply,
 * streamed word by word, so chatstream runs end to end on a fresh machine and under load tests. It
 * never pretends to be a model: its label is {@value #LABEL}, its provider {@value #PROVIDER}, its
 * model {@value #MODEL}, and every text reply starts with {@code [offline provider]}.
 *
 * <p>Rules, first match wins:
 * <ol>
 *   <li>When the context ends with function call outputs, the reply reports each of them:
 *       {@code The get_weather tool returned: <output>} ({@code failed:} for an error output).</li>
 *   <li>When the request offers tools, tool_choice is not {@code none}, and the last user message names
 *       one of them (its exact name, or the name with underscores read as spaces; case-insensitive,
 *       whole words; the earliest mention wins), the reply is one call of that tool. A named
 *       tool_choice forces that tool; {@code required} with no mention calls the first tool. The call
 *       id is {@code call_offline_<request id>}; the arguments fill the schema's required properties:
 *       strings take the next double-quoted phrase of the message, else the words after the tool's
 *       name (leading "for", "in", "about", ... and edge punctuation dropped); integers and numbers the
 *       first number of the message, else 0; booleans true; enums their first value; arrays [].</li>
 *   <li>Otherwise the reply echoes the last user message: {@code You said: <text>}, or
 *       {@code There is no user text to answer.}</li>
 * </ol>
 * {@code max_tokens} / {@code max_completion_tokens} in the extra options cut a text reply to that many
 * words; other options are ignored. Usage counts words: prompt tokens are the words of the context,
 * completion tokens the words emitted. Cancelling stops emission at once.
 *
 * <p>Steps run on a {@link ScheduledExecutorService}; the caller's thread never waits.
 */
public final class OfflineProvider implements LlmProvider {
  /** The label on metrics and errors. */
  public static final String LABEL = "offline.LLM";
  /** The provider named in metrics. */
  public static final String PROVIDER = "offline";
  /** The model named in metrics when the request names none. */
  public static final String MODEL = "offline-echo";

  private static final AtomicInteger THREADS = new AtomicInteger();

  private final OfflinePacing pacing;
  private final ScheduledExecutorService scheduler;
  private final boolean ownsScheduler;
  private final Set<OfflineStream> running = ConcurrentHashMap.newKeySet();

  private OfflineProvider(OfflinePacing pacing, ScheduledExecutorService scheduler, boolean ownsScheduler) {
    this.pacing = Objects.requireNonNull(pacing, "pacing must not be null");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler must not be null");
    this.ownsScheduler = ownsScheduler;
  }

  /** An offline provider with {@link OfflinePacing#defaults()} pacing and its own scheduler. */
  public static OfflineProvider create() {
    return create(OfflinePacing.defaults());
  }

  /** An offline provider with this pacing and its own scheduler threads, shut down by {@link #close()}. */
  public static OfflineProvider create(OfflinePacing pacing) {
    return new OfflineProvider(pacing, ownScheduler(), true);
  }

  /**
   * An offline provider with this pacing on a shared scheduler, which {@link #close()} leaves running.
   * The scheduler runs the listener calls, so it must not be starved by blocking tasks.
   */
  public static OfflineProvider create(OfflinePacing pacing, ScheduledExecutorService scheduler) {
    return new OfflineProvider(pacing, scheduler, false);
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

  /** This provider's pacing. */
  public OfflinePacing pacing() {
    return pacing;
  }

  /**
   * Starts an offline generation.
   *
   * @throws IllegalStateException when the provider (or its scheduler) is closed
   */
  @Override
  public LlmStream chat(LlmRequest request, LlmStreamListener listener) {
    Objects.requireNonNull(request, "request must not be null");
    Objects.requireNonNull(listener, "listener must not be null");
    OfflineStream stream = new OfflineStream(this, request, listener, scheduler, pacing, running::remove);
    running.add(stream);
    try {
      stream.start();
    } catch (RejectedExecutionException e) {
      running.remove(stream);
      throw new IllegalStateException("the offline provider is closed", e);
    }
    return stream;
  }

  /** Cancels the running generations (each completes as cancelled) and stops its own scheduler. */
  @Override
  public void close() {
    for (OfflineStream stream : List.copyOf(running)) {
      stream.cancel();
    }
    if (ownsScheduler) {
      scheduler.shutdown();
    }
  }

  private static ScheduledExecutorService ownScheduler() {
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(threads, task -> {
      Thread thread = new Thread(task, "chatstream-offline-" + THREADS.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    executor.setRemoveOnCancelPolicy(true);
    return executor;
  }
}
