package dev.chatstream.llm.testing;

import dev.chatstream.llm.ConnectOptions;
import dev.chatstream.llm.LlmProvider;
import dev.chatstream.llm.LlmRequest;
import dev.chatstream.llm.RecordingListener;
import dev.chatstream.llm.chat.ChatContext;
import dev.chatstream.llm.chat.ChatMessage;
import dev.chatstream.llm.chat.ChatRole;
import dev.chatstream.llm.chat.FunctionCall;
import dev.chatstream.llm.chat.FunctionCallOutput;
import dev.chatstream.llm.chat.ItemIds;
import dev.chatstream.llm.chat.TextContent;
import dev.chatstream.llm.state.ProviderState;
import dev.chatstream.llm.stream.FunctionToolCall;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Plays a conversation against a stateful provider the way the pipeline does: items with fixed ids
 * and times, each reply added to the context as its message {@code reply_N} (when it had text) and
 * calls {@code reply_N/fnc_i}, and the last provider state reported kept for the next request (a
 * null state drops it).
 */
public final class ConversationDriver {

  private final ChatContext context = ChatContext.empty();
  private ProviderState state;
  private ConnectOptions connectOptions = ConnectOptions.defaults().withTimeout(Duration.ofSeconds(5));
  private int turn;
  private double clock = 1_000;

  /** Appends a user message with id {@code id}. */
  public ConversationDriver user(String id, String text) {
    context.append(new ChatMessage(id, ChatRole.USER, List.of(new TextContent(text)), false, null, Map.of(),
        clock++));
    return this;
  }

  /** Appends the output of call {@code callId} with id {@code id}. */
  public ConversationDriver output(String id, String callId, String name, String output) {
    context.append(new FunctionCallOutput(id, callId, name, output, false, clock++));
    return this;
  }

  /** The context, to change it as a producer would (truncate, remove, insert). */
  public ChatContext context() {
    return context;
  }

  /** The stored provider state, or null. */
  public ProviderState state() {
    return state;
  }

  /** Replaces the stored provider state, as a restarted service restores it. */
  public ConversationDriver restore(ProviderState restored) {
    state = restored;
    return this;
  }

  /** Runs the next generations with these connect options. */
  public ConversationDriver connectOptions(ConnectOptions options) {
    connectOptions = options;
    return this;
  }

  /** Runs one generation, adds its reply to the context and keeps the reported state. */
  public Transcript generate(LlmProvider provider) {
    String replyId = "reply_" + (++turn);
    RecordingListener listener = new RecordingListener();
    provider.chat(LlmRequest.of("req-" + turn, context).withProviderState(state).withReplyId(replyId)
        .withConnectOptions(connectOptions), listener);
    Transcript transcript = Transcript.of(listener);
    if (!transcript.states().isEmpty()) {
      state = transcript.states().getLast();
    }
    if (!transcript.text().isEmpty()) {
      context.append(new ChatMessage(replyId, ChatRole.ASSISTANT, List.of(new TextContent(transcript.text())), false,
          null, Map.of(), clock++));
    }
    List<FunctionToolCall> calls = transcript.toolCalls();
    for (int i = 0; i < calls.size(); i++) {
      FunctionToolCall call = calls.get(i);
      context.append(new FunctionCall(ItemIds.functionCallId(replyId, i), call.callId(), call.name(),
          call.arguments(), clock++, Map.of(), null));
    }
    return transcript;
  }
}
