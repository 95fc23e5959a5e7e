package dev.chatstream.pipeline.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatstream.events.ChatChunk;
import dev.chatstream.events.FunctionCallEvent;
import dev.chatstream.events.LLMError;
import dev.chatstream.events.LLMMetrics;
import dev.chatstream.events.ReplyCompleted;
import dev.chatstream.events.item.TextContent;
import dev.chatstream.llm.internal.json.Json;
import dev.chatstream.pipeline.Topic;
import dev.chatstream.pipeline.Topics;
import dev.chatstream.pipeline.client.ConversationProducer;
import dev.chatstream.pipeline.client.OutputConsumer;
import dev.chatstream.pipeline.client.OutputRecord;
import dev.chatstream.pipeline.internals.json.InputEventJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;

/**
 * One conversation seen from a terminal: sends its events to the conversations topic and follows its
 * output events, one reply at a time, as any downstream consumer would.
 */
final class ConversationSession implements AutoCloseable {
  private static final ObjectMapper JSON = Json.mapper();
  private static final Duration POLL = Duration.ofMillis(20);
  private static final Duration STRAGGLERS = Duration.ofSeconds(2);

  private final String conversationId;
  private final ConversationProducer producer;
  private final OutputConsumer consumer;

  ConversationSession(ClientFactory clients, String conversationId) {
    this.conversationId = conversationId;
    Topics topics = clients.topics();
    this.consumer = clients.consumer(topics.events().stream().map(Topic::name).toList(), false);
    this.producer = clients.producer();
  }

  String conversationId() {
    return conversationId;
  }

  /** Sends one event written as a {@code produce} JSON line; {@code conversation_id} is filled in. */
  void send(String jsonLine) {
    try {
      var node = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(jsonLine);
      node.put("conversation_id", conversationId);
      producer.sendAndWait(InputEventJson.parse(node));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Follows the reply to {@code requestId} until it completes (its chunks and metrics included) and
   * returns it.
   *
   * @throws IllegalStateException when the request fails for good or nothing completes in {@code timeout}
   */
  ReplyCompleted await(String requestId, ReplyListener listener, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    StringBuilder streamed = new StringBuilder();
    ReplyCompleted reply = null;
    boolean metricsSeen = false;
    Instant settleBy = null;
    while (true) {
      for (OutputRecord record : consumer.poll(POLL)) {
        if (!conversationId.equals(record.key()) || record.event() == null) {
          continue;
        }
        switch (record.event()) {
          case ChatChunk chunk when chunk.getRequestId().equals(requestId) -> {
            if (chunk.getDelta() != null && chunk.getDelta().getContent() != null) {
              streamed.append(chunk.getDelta().getContent());
            }
            listener.onChunk(chunk);
          }
          case FunctionCallEvent call when call.getRequestId().equals(requestId) -> listener.onFunctionCall(call);
          case LLMError error when error.getRequestId().equals(requestId) -> {
            listener.onError(error);
            if (!error.getRecoverable() && reply == null && !error.getError().getMessage().startsWith("max_tool_steps")) {
              throw new IllegalStateException("request " + requestId + " failed: " + error.getError().getMessage());
            }
          }
          case LLMMetrics metrics when metrics.getRequestId().equals(requestId) -> {
            metricsSeen = true;
            listener.onMetrics(metrics);
          }
          case ReplyCompleted completed when completed.getRequestId().equals(requestId) -> {
            reply = completed;
            settleBy = Instant.now().plus(STRAGGLERS);
          }
          default -> { }
        }
      }
      if (reply != null && ((metricsSeen && streamed.toString().equals(text(reply))) || Instant.now().isAfter(settleBy))) {
        listener.onReply(reply);
        return reply;
      }
      if (reply == null && Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("no reply to request " + requestId + " within " + timeout);
      }
    }
  }

  /** The text of a completed reply's message, or an empty string. */
  static String text(ReplyCompleted reply) {
    if (reply.getMessage() == null) {
      return "";
    }
    StringBuilder text = new StringBuilder();
    for (Object part : reply.getMessage().getContent()) {
      if (part instanceof TextContent content) {
        if (!text.isEmpty()) {
          text.append('\n');
        }
        text.append(content.getText());
      }
    }
    return text.toString();
  }

  @Override
  public void close() {
    producer.close();
    consumer.close();
  }
}
