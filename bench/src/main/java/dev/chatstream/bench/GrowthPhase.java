package dev.chatstream.bench;

import dev.chatstream.llm.LlmRequest;
import dev.chatstream.llm.chat.ChatMessage;
import dev.chatstream.llm.chat.ChatRole;
import dev.chatstream.llm.chat.CopyOptions;
import dev.chatstream.pipeline.internals.state.AppendOutcome;
import dev.chatstream.pipeline.internals.state.ConversationStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Phase 4: growth. For each conversation length L, conversations are filled to L items in real
 * RocksDB stores (then flushed, as a commit would), and the stream thread's work is timed on them:
 * appending one user message (what an item record costs in the store), and reading the whole
 * context and building the provider request from it (what a {@code generate_reply} costs before the
 * call starts: the store scan, decoding every item, and the two copies the request path makes).
 * Samples lengthen a conversation by at most 5 %, spread over as many conversations as needed. A
 * first round at the shortest length warms the code up and is left out.
 */
final class GrowthPhase {
  private static final int APPEND_SAMPLES = 1_000;
  private static final int BUILD_SAMPLES = 40;
  private static final double DRIFT = 0.05;
  private static final int MAX_CONVERSATIONS = 1_000;

  private final BenchEnvironment environment;
  private final BenchSettings settings;
  private final Progress progress;
  private final ChatMessage template = ChatMessage.of(ChatRole.USER, BenchEvents.USER_TEXT);

  GrowthPhase(BenchEnvironment environment, BenchSettings settings, Progress progress) {
    this.environment = environment;
    this.settings = settings;
    this.progress = progress;
  }

  GrowthResult run() {
    ResourceProbe resources = ResourceProbe.start();
    List<Integer> lengths = new ArrayList<>(settings.growthLengths());
    Collections.sort(lengths);
    int maxItems = lengths.get(lengths.size() - 1) * 2 + APPEND_SAMPLES;
    try (GrowthStores stores = new GrowthStores(environment.workDir().resolve("state-growth"), maxItems)) {
      measure(stores, "warmup", lengths.get(0));
      List<GrowthResult.Point> points = new ArrayList<>();
      for (int length : lengths) {
        points.add(measure(stores, "g", length));
      }
      return new GrowthResult(points, resources.stop());
    } finally {
      resources.close();
    }
  }

  private GrowthResult.Point measure(GrowthStores stores, String tag, int length) {
    ConversationStore conversations = stores.conversations();
    int count = (int) Math.min(MAX_CONVERSATIONS, Math.max(2, Math.ceil(APPEND_SAMPLES / (DRIFT * length))));
    List<String> ids = new ArrayList<>();
    for (int c = 0; c < count; c++) {
      ids.add(tag + "-" + length + "-" + c);
    }
    for (int i = 0; i < length; i++) {
      for (String id : ids) {
        append(conversations, id, "fill-" + i);
      }
      if (i % 500 == 0) {
        progress.status("growth: filling " + count + " conversations to " + length + " items (" + i + ")");
      }
    }
    stores.flush();
    progress.status("growth: timing appends and request builds at " + length + " items");
    Samples appends = new Samples();
    for (int s = 0; s < APPEND_SAMPLES; s++) {
      String id = ids.get(s % count);
      ChatMessage message = template.withId("sample-" + s);
      long start = System.nanoTime();
      append(conversations, id, message);
      appends.add(System.nanoTime() - start);
    }
    Samples builds = new Samples();
    int contextItems = -1;
    for (int s = 0; s < BUILD_SAMPLES; s++) {
      String id = ids.get(s % count);
      long start = System.nanoTime();
      LlmRequest request = LlmRequest.of(id + "/r" + s, conversations.context(id).copy(CopyOptions.all()));
      builds.add(System.nanoTime() - start);
      contextItems = request.context().items().size();
    }
    return new GrowthResult.Point(length, count, appends.summary(), builds.summary(), contextItems);
  }

  private void append(ConversationStore conversations, String conversationId, String itemId) {
    append(conversations, conversationId, template.withId(itemId));
  }

  private static void append(ConversationStore conversations, String conversationId, ChatMessage message) {
    AppendOutcome outcome = conversations.append(conversationId, message);
    if (outcome != AppendOutcome.APPENDED) {
      throw new IllegalStateException("the growth phase could not append to " + conversationId + ": " + outcome);
    }
  }
}
