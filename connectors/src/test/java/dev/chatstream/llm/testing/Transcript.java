package dev.chatstream.llm.testing;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.chatstream.llm.LlmError;
import dev.chatstream.llm.LlmMetrics;
import dev.chatstream.llm.RecordingListener;
import dev.chatstream.llm.RecordingListener.Chunk;
import dev.chatstream.llm.RecordingListener.Complete;
import dev.chatstream.llm.RecordingListener.Event;
import dev.chatstream.llm.RecordingListener.Failed;
import dev.chatstream.llm.RecordingListener.Retry;
import dev.chatstream.llm.RecordingListener.State;
import dev.chatstream.llm.state.ProviderState;
import dev.chatstream.llm.stream.ChatChunk;
import dev.chatstream.llm.stream.CompletionUsage;
import dev.chatstream.llm.stream.FunctionToolCall;
import java.util.ArrayList;
import java.util.List;

/**
 * Every event of one finished stream, in order, with views for assertions: the text, the tool calls,
 * the usage, the retries and the terminal event.
 *
 * @param events the events, the terminal one last
 */
public record Transcript(List<Event> events) {

  /** Takes the stream's events up to the terminal one and checks nothing else arrived. */
  public static Transcript of(RecordingListener listener) {
    Transcript transcript = new Transcript(listener.takeUntilTerminal());
    listener.assertExhausted();
    return transcript;
  }

  /** The chunks. */
  public List<ChatChunk> chunks() {
    return events.stream().filter(Chunk.class::isInstance).map(event -> ((Chunk) event).chunk()).toList();
  }

  /** The chunks that arrived before the first retry. */
  public List<ChatChunk> chunksBeforeFirstRetry() {
    List<ChatChunk> chunks = new ArrayList<>();
    for (Event event : events) {
      if (event instanceof Retry) {
        break;
      }
      if (event instanceof Chunk(ChatChunk chunk)) {
        chunks.add(chunk);
      }
    }
    return chunks;
  }

  /** The text of all chunks, joined. */
  public String text() {
    StringBuilder text = new StringBuilder();
    for (ChatChunk chunk : chunks()) {
      if (chunk.delta() != null && chunk.delta().content() != null) {
        text.append(chunk.delta().content());
      }
    }
    return text.toString();
  }

  /** The tool calls of all chunks, in order. */
  public List<FunctionToolCall> toolCalls() {
    return chunks().stream().filter(chunk -> chunk.delta() != null)
        .flatMap(chunk -> chunk.delta().toolCalls().stream()).toList();
  }

  /** The usage of the usage chunks, in order. */
  public List<CompletionUsage> usages() {
    return chunks().stream().filter(chunk -> chunk.usage() != null).map(ChatChunk::usage).toList();
  }

  /** The provider states reported, in order. */
  public List<ProviderState> states() {
    return events.stream().filter(State.class::isInstance).map(event -> ((State) event).state()).toList();
  }

  /** The last provider state reported; fails when none was. */
  public ProviderState lastState() {
    List<ProviderState> states = states();
    if (states.isEmpty()) {
      throw new AssertionError("no provider state was reported: " + events);
    }
    return states.getLast();
  }

  /** The recoverable errors, in order. */
  public List<LlmError> retries() {
    return events.stream().filter(Retry.class::isInstance).map(event -> ((Retry) event).error()).toList();
  }

  /** The metrics of the completion; fails when the stream ended with an error. */
  public LlmMetrics metrics() {
    return assertInstanceOf(Complete.class, events.getLast(), "expected onComplete: " + events).metrics();
  }

  /** The final error; fails when the stream completed. */
  public LlmError error() {
    return assertInstanceOf(Failed.class, events.getLast(), "expected onError: " + events).error();
  }
}
