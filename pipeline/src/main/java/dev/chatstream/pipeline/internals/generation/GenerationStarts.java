package dev.chatstream.pipeline.internals.generation;

import dev.chatstream.llm.LlmProvider;
import dev.chatstream.llm.LlmRequest;
import dev.chatstream.pipeline.LlmRegistry;
import dev.chatstream.pipeline.internals.state.ConversationStore;
import dev.chatstream.pipeline.internals.state.GenerationEntry;
import dev.chatstream.pipeline.internals.state.GenerationStore;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the head of a conversation's queue when nothing of the conversation runs and an in-flight
 * permit is free: reads the context, builds the provider request (with what the request's profile's
 * provider keeps of the conversation, and the id its reply's message will have) and hands it to the
 * {@link GenerationRunner}. Conversations that found no permit wait in order for a later drain. Since
 * one generation of a conversation runs at a time, a provider's state never forks.
 *
 * <p>A request is decoded once per start: a request queued on this task keeps its decoded form
 * here until it starts; one found in the store (after a restart, or a tool-loop step) is decoded
 * when it starts.
 */
final class GenerationStarts {
  private static final Logger LOG = LoggerFactory.getLogger(GenerationStarts.class);

  private final ConversationStore conversations;
  private final GenerationStore generations;
  private final GenerationRunner runner;
  private final LlmRegistry registry;
  private final RequestCodec codec;
  private final OutputSink sink;
  private final PipelineErrors errors;
  private final Map<QueuedKey, ReplyRequest> decodedQueued = new HashMap<>();
  private final Set<String> waitingForPermit = new LinkedHashSet<>();

  private record QueuedKey(String conversationId, long seq) {}

  private record LlmStarter(LlmProvider provider, LlmRequest request) {}

  GenerationStarts(ConversationStore conversations, GenerationStore generations, GenerationRunner runner,
      LlmRegistry registry, RequestCodec codec, OutputSink sink, PipelineErrors errors) {
    this.conversations = conversations;
    this.generations = generations;
    this.runner = runner;
    this.registry = registry;
    this.codec = codec;
    this.sink = sink;
    this.errors = errors;
  }

  /**
   * Starts a request whose conversation had nothing queued or running: its entry, not yet stored, is
   * written once, running; queued instead when a generation of the conversation still runs or no
   * permit is free.
   *
   * @param request the decoded request, or null to decode the entry's
   */
  void startArrived(String conversationId, GenerationEntry entry, ReplyRequest request) {
    ReplyRequest decoded = request != null ? request : decode(entry);
    if (runner.active(conversationId).isPresent()) {
      queue(conversationId, entry, decoded);
      return;
    }
    Optional<LlmStarter> starter = prepare(conversationId, decoded);
    if (starter.isEmpty()) {
      return;
    }
    if (!start(conversationId, entry, decoded, starter.get())) {
      queue(conversationId, entry, decoded);
      waitingForPermit.add(conversationId);
    }
  }

  private void queue(String conversationId, GenerationEntry entry, ReplyRequest decoded) {
    generations.put(conversationId, entry);
    queued(conversationId, entry.seq(), decoded);
  }

  /** Keeps the decoded form of the request just queued at {@code seq}. */
  void queued(String conversationId, long seq, ReplyRequest request) {
    decodedQueued.put(new QueuedKey(conversationId, seq), request);
  }

  /** The request of a queued entry that is being removed before it started. */
  ReplyRequest removed(String conversationId, GenerationEntry entry) {
    ReplyRequest request = decoded(conversationId, entry);
    decodedQueued.remove(new QueuedKey(conversationId, entry.seq()));
    return request;
  }

  /** Forgets what is kept for the conversation (it is being deleted). */
  void forget(String conversationId) {
    decodedQueued.keySet().removeIf(key -> key.conversationId().equals(conversationId));
    waitingForPermit.remove(conversationId);
  }

  /** Starts the conversation's next request unless one runs; false only when no permit was free. */
  boolean startNext(String conversationId) {
    while (runner.active(conversationId).isEmpty()) {
      Optional<GenerationEntry> head = generations.head(conversationId);
      if (head.isEmpty()) {
        return true;
      }
      GenerationEntry entry = head.get();
      if (entry.attempt() > 0 && AnsweredRequests.answered(conversations, conversationId, entry.requestId())) {
        // the attempt finished before a crash that lost the entry's removal: its reply is out
        generations.remove(conversationId, entry.seq());
        decodedQueued.remove(new QueuedKey(conversationId, entry.seq()));
        LOG.info("generation {} of conversation {} was answered before the restart; it is not run again",
            entry.requestId(), conversationId);
        continue;
      }
      ReplyRequest request = decoded(conversationId, entry);
      Optional<LlmStarter> starter = prepare(conversationId, request);
      if (starter.isEmpty()) {
        generations.remove(conversationId, entry.seq());
        decodedQueued.remove(new QueuedKey(conversationId, entry.seq()));
        continue;
      }
      if (!start(conversationId, entry, request, starter.get())) {
        waitingForPermit.add(conversationId);
        return false;
      }
    }
    return true;
  }

  /** Starts queued requests that waited for an in-flight permit, while permits last. */
  void startWaiting() {
    if (waitingForPermit.isEmpty() || !runner.hasFreePermit()) {
      return;
    }
    Deque<String> waiting = new ArrayDeque<>(waitingForPermit);
    waitingForPermit.clear();
    while (!waiting.isEmpty()) {
      String conversationId = waiting.poll();
      if (!startNext(conversationId)) {
        waitingForPermit.add(conversationId);
        waitingForPermit.addAll(waiting);
        return;
      }
    }
  }

  /** Conversations whose next request waits for a permit. */
  int waiting() {
    return waitingForPermit.size();
  }

  private boolean start(String conversationId, GenerationEntry entry, ReplyRequest request, LlmStarter starter) {
    GenerationEntry next = entry.nextAttempt();
    GenerationHandle handle = new GenerationHandle(conversationId, entry.requestId(), next.attempt(), entry.seq());
    ActiveGeneration generation = new ActiveGeneration(handle, request, entry.request(),
        new ReplyAccumulator(starter.request().replyId(), entry.createdAt()), entry.toolStep(),
        entry.traceparent());
    if (!runner.tryStart(generation, starter.provider(), starter.request())) {
      return false;
    }
    decodedQueued.remove(new QueuedKey(conversationId, entry.seq()));
    generations.put(conversationId, next);
    if (next.attempt() > 1) {
      LOG.info("restarted generation {} of conversation {} (attempt {})", entry.requestId(), conversationId,
          next.attempt());
    }
    return true;
  }

  /** The provider and the request to send it; empty, with the error published, when it cannot be built. */
  private Optional<LlmStarter> prepare(String conversationId, ReplyRequest request) {
    try {
      LlmProvider provider = registry.provider(request.llm());
      LlmRequest built = RequestBuilder.build(request, conversations.context(conversationId),
              registry.connectOptions(request.llm()))
          .withProviderState(conversations.providerState(conversationId, request.profileIn(registry)).orElse(null))
          .withReplyId(MessageIds.forRequest(conversationId, request.requestId()));
      return Optional.of(new LlmStarter(provider, built));
    } catch (RuntimeException e) {
      sink.requestError(conversationId, request, errors.requestCannotBeSent(request.requestId(), e.getMessage()));
      return Optional.empty();
    }
  }

  private ReplyRequest decoded(String conversationId, GenerationEntry entry) {
    ReplyRequest queued = decodedQueued.get(new QueuedKey(conversationId, entry.seq()));
    return queued != null && queued.requestId().equals(entry.requestId()) ? queued : decode(entry);
  }

  private ReplyRequest decode(GenerationEntry entry) {
    return codec.decode(entry.request()).withRequestId(entry.requestId());
  }
}
