package dev.chatstream.pipeline.internals.generation;

import dev.chatstream.llm.chat.ChatRole;
import dev.chatstream.llm.stream.ChatChunk;
import dev.chatstream.llm.stream.ChoiceDelta;
import dev.chatstream.llm.stream.CompletionUsage;
import dev.chatstream.llm.stream.FunctionToolCall;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges the chunks of one attempt that one drain hands over into one chunk event: the texts joined, the
 * tool calls in order, the last usage. At light load a drain holds at most one chunk of an attempt, so
 * nothing changes and nothing waits (the merged chunk leaves at the end of the same drain, microseconds
 * later); under load, when events pile up between drains, an attempt's chunks leave as one record
 * instead of many, as providers' own chunks often carry several tokens. Chunks of different completion
 * ids are never merged, and an attempt's other events (a retry, its end) first let its chunk out, so
 * the order of events is kept. Used on the stream thread only.
 */
public final class ChunkCoalescer {
  private final OutputSink sink;
  private final List<ActiveGeneration> holding = new ArrayList<>();
  private long firstChunks;

  /** A coalescer forwarding to {@code sink}. */
  public ChunkCoalescer(OutputSink sink) {
    this.sink = sink;
  }

  /** Takes {@code chunk} of {@code generation}: merged with what the drain holds of it, or held on its own. */
  public void add(ActiveGeneration generation, ChatChunk chunk) {
    Merge held = generation.heldChunk();
    if (held != null && held.id.equals(chunk.id())) {
      held.add(chunk);
      return;
    }
    flush(generation);
    generation.holdChunk(new Merge(chunk));
    holding.add(generation);
  }

  /** Forwards what the drain holds of {@code generation}, if anything. */
  public void flush(ActiveGeneration generation) {
    Merge held = generation.heldChunk();
    if (held == null) {
      return;
    }
    generation.holdChunk(null);
    holding.remove(generation);
    forward(generation, held);
  }

  /** Forwards everything held: the drain is over. */
  public void flushAll() {
    for (ActiveGeneration generation : holding) {
      Merge held = generation.heldChunk();
      generation.holdChunk(null);
      forward(generation, held);
    }
    holding.clear();
  }

  /** How many attempts have forwarded their first chunk so far: a counter that only grows. */
  public long firstChunksForwarded() {
    return firstChunks;
  }

  private void forward(ActiveGeneration generation, Merge held) {
    sink.chunk(generation, held.chunk());
    if (generation.chunkForwarded()) {
      firstChunks++;
    }
  }

  /** The chunks of one attempt seen in a drain, merged. */
  public static final class Merge {
    private final String id;
    private final ChatChunk first;
    private ChatRole role;
    private StringBuilder content;
    private List<FunctionToolCall> toolCalls;
    private Map<String, Object> extra;
    private boolean delta;
    private CompletionUsage usage;
    private int count;

    Merge(ChatChunk chunk) {
      this.id = chunk.id();
      this.first = chunk;
      add(chunk);
    }

    void add(ChatChunk chunk) {
      count++;
      if (chunk.usage() != null) {
        usage = chunk.usage();
      }
      ChoiceDelta next = chunk.delta();
      if (next == null) {
        return;
      }
      delta = true;
      if (role == null) {
        role = next.role();
      }
      if (next.content() != null) {
        (content == null ? content = new StringBuilder() : content).append(next.content());
      }
      if (!next.toolCalls().isEmpty()) {
        (toolCalls == null ? toolCalls = new ArrayList<>() : toolCalls).addAll(next.toolCalls());
      }
      if (!next.extra().isEmpty()) {
        (extra == null ? extra = new LinkedHashMap<>() : extra).putAll(next.extra());
      }
    }

    /** The merged chunk (the one chunk itself when nothing was merged). */
    ChatChunk chunk() {
      if (count == 1) {
        return first;
      }
      ChoiceDelta merged = delta ? new ChoiceDelta(role, content == null ? null : content.toString(), toolCalls, extra)
          : null;
      return new ChatChunk(id, merged, usage);
    }
  }
}
