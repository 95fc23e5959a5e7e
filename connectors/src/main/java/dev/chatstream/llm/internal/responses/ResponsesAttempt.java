package dev.chatstream.llm.internal.responses;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatstream.llm.ApiStatusException;
import dev.chatstream.llm.LlmException;
import dev.chatstream.llm.LlmRequest;
import dev.chatstream.llm.format.FormattedItem;
import dev.chatstream.llm.format.ProviderFormats;
import dev.chatstream.llm.internal.responses.conversations.ConversationSync;
import dev.chatstream.llm.internal.responses.websocket.UpgradeRefusedException;
import dev.chatstream.llm.internal.retry.Attempt;
import dev.chatstream.llm.internal.retry.AttemptContext;
import dev.chatstream.llm.openai.ResponsesState;
import dev.chatstream.llm.state.ProviderConversation;
import dev.chatstream.llm.state.ProviderState;
import dev.chatstream.llm.state.ResponseChain;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Responses attempt: plan the input from the request's provider state (continue the response
 * chain, sync the provider conversation, or send everything), stream over the WebSocket (falling
 * back to HTTP for this attempt when the server refuses the upgrade, with an error event saying so)
 * or over HTTP, and report the provider's new state once the response ended. A
 * {@code previous_response_not_found} answer sends the request again with its full input, and a
 * provider conversation found gone is replaced by a new one, once each and without an error event.
 * State learnt in one attempt carries over to the next.
 */
final class ResponsesAttempt implements Attempt {

  private static final Logger LOG = LoggerFactory.getLogger(ResponsesAttempt.class);

  private final ResponsesEngine engine;
  private final LlmRequest request;
  private final String model;
  private final ResponsesState mode;
  private ProviderState state;
  private ConversationSync conversation;
  private List<FormattedItem> input;

  ResponsesAttempt(ResponsesEngine engine, LlmRequest request, String model) {
    this.engine = engine;
    this.request = request;
    this.model = model;
    this.mode = stores() ? engine.options().state() : ResponsesState.NONE;
    this.state = request.providerState();
  }

  @Override
  public void run(AttemptContext context) throws IOException {
    if (input == null) {
      input = ProviderFormats.responsesInput(request.context());
    }
    InputPlan plan = plan(context);
    ResponsesEvents events = new ResponsesEvents(engine.errors());
    try {
      stream(plan, events, context);
    } catch (LlmException failure) {
      InputPlan again = events.responseDelivered() ? null : recovery(failure, plan, context);
      if (again == null) {
        throw failure;
      }
      events = new ResponsesEvents(engine.errors());
      stream(again, events, context);
    }
    if (events.finished() && !context.cancelled()) {
      reportAfter(events, context);
    }
  }

  /**
   * The plan to send once more, quietly, when the provider lost what {@code plan} continued: a
   * {@code previous_response_not_found} sends the full input; a provider conversation that is gone
   * (404) is replaced by a new one holding the whole context. Null for any other failure.
   */
  private InputPlan recovery(LlmException failure, InputPlan plan, AttemptContext context) throws IOException {
    if (plan.previousResponseId() != null && ResponsesErrors.isPreviousResponseNotFound(failure)) {
      LOG.info("{}: response {} is no longer stored; sending the full input", request.requestId(),
          plan.previousResponseId());
      state = null;
      context.reportState(null);
      return InputPlan.full(input);
    }
    if (plan.conversationId() != null && Integer.valueOf(404).equals(failure.status())) {
      try {
        return InputPlan.inConversation(conversation.restart(input, context));
      } finally {
        if (conversation.takeChanged()) {
          context.reportState(conversation.state());
        }
      }
    }
    return null;
  }

  private InputPlan plan(AttemptContext context) throws IOException {
    return switch (mode) {
      case NONE -> InputPlan.full(input);
      case PREVIOUS_RESPONSE -> ResponseChains.plan(input, state instanceof ResponseChain chain ? chain : null,
          engine.endpoint().identity(), model);
      case CONVERSATION -> InputPlan.inConversation(syncConversation(context));
    };
  }

  private String syncConversation(AttemptContext context) throws IOException {
    if (conversation == null) {
      ProviderConversation stored = state instanceof ProviderConversation kept ? kept : null;
      conversation = new ConversationSync(stored, engine.endpoint().identity(), engine.conversations());
    }
    try {
      return conversation.sync(input, context);
    } finally {
      if (conversation.takeChanged()) {
        context.reportState(conversation.state());
      }
    }
  }

  private void stream(InputPlan plan, ResponsesEvents events, AttemptContext context) throws IOException {
    ObjectNode body = engine.body().build(request, model, plan);
    if (!engine.options().useWebSocket()) {
      engine.sse().exchange(body, model, events, context, engine.errors());
      return;
    }
    try {
      engine.webSocket().exchange(body, model, events, context, engine.errors());
    } catch (UpgradeRefusedException refused) {
      context.notice(new ApiStatusException(refused.getMessage() + "; streaming this request over HTTP instead",
          refused.status(), refused.providerRequestId(), null, null, true));
      engine.sse().exchange(body, model, events, context, engine.errors());
    }
  }

  private void reportAfter(ResponsesEvents events, AttemptContext context) {
    ReplyOutput reply = events.reply();
    switch (mode) {
      case NONE -> { }
      case PREVIOUS_RESPONSE -> {
        if (!events.responseId().isEmpty()) {
          state = ResponseChains.after(events.responseId(), input, engine.endpoint().identity(), model,
              request.replyId(), reply.contextItems());
          context.reportState(state);
        }
      }
      case CONVERSATION -> {
        List<String> others = new ArrayList<>();
        List<String> calls = new ArrayList<>();
        for (ReplyOutput.Item item : reply.items()) {
          (item.isFunctionCall() ? calls : others).add(item.id());
        }
        conversation.adoptReply(request.replyId(), others, calls, reply.hasText());
        if (conversation.takeChanged()) {
          context.reportState(conversation.state());
        }
      }
    }
  }

  /**
   * False when the body goes out with {@code store: false} (the request's extra options win over the
   * provider's, which win over its {@code store} option): nothing is kept then.
   */
  private boolean stores() {
    Object store = engine.options().store();
    for (Map<String, Object> extra : List.of(engine.options().extraOptions(), request.extraOptions())) {
      if (extra.containsKey("store")) {
        store = extra.get("store");
      }
    }
    return !Boolean.FALSE.equals(store);
  }
}
