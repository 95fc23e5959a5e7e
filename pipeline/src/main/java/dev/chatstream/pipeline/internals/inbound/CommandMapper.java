package dev.chatstream.pipeline.internals.inbound;

import dev.chatstream.events.ConversationEvent;
import dev.chatstream.events.command.CancelGeneration;
import dev.chatstream.events.command.DeleteConversation;
import dev.chatstream.events.command.GenerateReply;
import dev.chatstream.events.command.TruncateContext;
import dev.chatstream.pipeline.LlmRegistry;
import dev.chatstream.pipeline.internals.generation.ReplyRequest;
import dev.chatstream.pipeline.internals.mapping.ItemMapper;
import dev.chatstream.pipeline.internals.mapping.RequestMapper;
import java.util.Objects;
import java.util.function.Predicate;

/** Checks a decoded {@link ConversationEvent} and turns it into a {@link Command}. */
public final class CommandMapper {
  private final Predicate<String> knownProfile;

  /** A mapper that accepts requests naming a profile of {@code registry}. */
  public CommandMapper(LlmRegistry registry) {
    this(registry::has);
  }

  /** A mapper that accepts requests naming a profile {@code knownProfile} accepts (null = default). */
  public CommandMapper(Predicate<String> knownProfile) {
    this.knownProfile = knownProfile;
  }

  /**
   * The command of {@code event}, read from a record with key {@code key}.
   *
   * @param encodedRequest the record's value, kept with a generation request
   * @throws InvalidEventException saying what is wrong
   */
  public Command toCommand(String key, ConversationEvent event, byte[] encodedRequest) {
    String conversationId = event.getConversationId();
    if (conversationId == null || conversationId.isBlank()) {
      throw new InvalidEventException("empty_conversation_id", "the event has an empty conversation_id");
    }
    if (!Objects.equals(key, conversationId)) {
      throw new InvalidEventException("key_mismatch", "the record key '" + key
          + "' is not the event's conversation_id '" + conversationId + "' (records must be keyed by conversation id)");
    }
    try {
      return switch (event.getPayload()) {
        case GenerateReply reply -> new Command.RequestReply(request(reply), encodedRequest);
        case CancelGeneration cancel -> new Command.Cancel(cancel.getRequestId());
        case TruncateContext truncate -> truncate(truncate);
        case DeleteConversation delete -> new Command.Delete();
        default -> new Command.AppendItem(ItemMapper.toModel(event.getPayload()));
      };
    } catch (InvalidEventException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new InvalidEventException("invalid_event", e.getMessage());
    }
  }

  private ReplyRequest request(GenerateReply reply) {
    ReplyRequest request = RequestMapper.toRequest(reply);
    if (!knownProfile.test(request.llm())) {
      throw new InvalidEventException("unknown_llm_profile",
          "request " + request.requestId() + " names LLM profile '" + request.llm() + "', which is not configured");
    }
    return request;
  }

  private static Command truncate(TruncateContext truncate) {
    if (truncate.getMaxItems() <= 0) {
      throw new InvalidEventException("invalid_event", "truncate max_items must be > 0, was " + truncate.getMaxItems());
    }
    return new Command.Truncate(truncate.getMaxItems());
  }
}
