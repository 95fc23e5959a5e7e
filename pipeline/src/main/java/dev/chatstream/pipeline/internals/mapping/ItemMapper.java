package dev.chatstream.pipeline.internals.mapping;

import dev.chatstream.events.item.AudioContent;
import dev.chatstream.events.item.ChatMessage;
import dev.chatstream.events.item.ChatRole;
import dev.chatstream.events.item.FunctionCall;
import dev.chatstream.events.item.FunctionCallOutput;
import dev.chatstream.events.item.ImageContent;
import dev.chatstream.events.item.ImageDetail;
import dev.chatstream.events.item.TextContent;
import dev.chatstream.llm.chat.ChatContent;
import dev.chatstream.llm.chat.ChatItem;
import dev.chatstream.pipeline.internals.json.JsonValues;
import dev.chatstream.schemas.EventTypes;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/**
 * Converts conversation items between their events (imported here) and the ChatContext model (written
 * with its package, {@code dev.chatstream.llm.chat}, where it shares a name with an event).
 */
public final class ItemMapper {
  static {
    EventTypes.trustGeneratedClasses();
  }

  private ItemMapper() {}

  /**
   * The model item of an item event.
   *
   * @throws IllegalArgumentException when {@code payload} is not an item, or an item is invalid
   */
  public static ChatItem toModel(Object payload) {
    return switch (payload) {
      case ChatMessage message -> toModel(message);
      case FunctionCall call -> new dev.chatstream.llm.chat.FunctionCall(call.getId(), call.getCallId(),
          call.getName(), call.getArguments(), call.getCreatedAt(), JsonValues.decode(call.getExtra()), call.getGroupId());
      case FunctionCallOutput output -> new dev.chatstream.llm.chat.FunctionCallOutput(output.getId(),
          output.getCallId(), output.getName(), output.getOutput(), output.getIsError(), output.getCreatedAt());
      default -> throw new IllegalArgumentException("not a conversation item: " + payload.getClass().getSimpleName());
    };
  }

  /** The model message of a message event. */
  public static dev.chatstream.llm.chat.ChatMessage toModel(ChatMessage message) {
    List<ChatContent> content = new ArrayList<>(message.getContent().size());
    for (Object part : message.getContent()) {
      content.add(toModel(part, message.getId()));
    }
    return new dev.chatstream.llm.chat.ChatMessage(message.getId(),
        dev.chatstream.llm.chat.ChatRole.fromWireName(message.getRole().name()), content, message.getInterrupted(),
        message.getTranscriptConfidence(), JsonValues.decode(message.getExtra()), message.getCreatedAt());
  }

  /** The event of a model item. */
  public static SpecificRecord toAvro(ChatItem item) {
    return switch (item) {
      case dev.chatstream.llm.chat.ChatMessage message -> toAvro(message);
      case dev.chatstream.llm.chat.FunctionCall call -> toAvro(call);
      case dev.chatstream.llm.chat.FunctionCallOutput output -> FunctionCallOutput.newBuilder()
          .setId(output.id()).setCallId(output.callId()).setName(output.name()).setOutput(output.output())
          .setIsError(output.isError()).setCreatedAt(output.createdAt()).build();
    };
  }

  /** The event of a model message. */
  public static ChatMessage toAvro(dev.chatstream.llm.chat.ChatMessage message) {
    List<Object> content = new ArrayList<>(message.content().size());
    for (ChatContent part : message.content()) {
      content.add(toAvro(part));
    }
    return ChatMessage.newBuilder()
        .setId(message.id())
        .setRole(ChatRole.valueOf(message.role().wireName()))
        .setContent(content)
        .setInterrupted(message.interrupted())
        .setTranscriptConfidence(message.transcriptConfidence())
        .setExtra(JsonValues.encode(message.extra()))
        .setCreatedAt(message.createdAt())
        .build();
  }

  /** The event of a model function call. */
  public static FunctionCall toAvro(dev.chatstream.llm.chat.FunctionCall call) {
    return FunctionCall.newBuilder()
        .setId(call.id()).setCallId(call.callId()).setName(call.name()).setArguments(call.arguments())
        .setCreatedAt(call.createdAt()).setExtra(JsonValues.encode(call.extra())).setGroupId(call.groupId())
        .build();
  }

  private static ChatContent toModel(Object part, String messageId) {
    return switch (part) {
      case TextContent text -> new dev.chatstream.llm.chat.TextContent(text.getText());
      case ImageContent image -> new dev.chatstream.llm.chat.ImageContent(image.getId(), image.getImage(),
          image.getInferenceWidth(), image.getInferenceHeight(),
          dev.chatstream.llm.chat.ImageDetail.fromWireName(image.getInferenceDetail().name()), image.getMimeType());
      case AudioContent audio -> new dev.chatstream.llm.chat.AudioContent(bytesOf(audio.getData()), audio.getUri(),
          audio.getMimeType(), audio.getTranscript());
      default -> throw new IllegalArgumentException(
          "message " + messageId + " has a content part of unknown type " + part.getClass().getSimpleName());
    };
  }

  private static Object toAvro(ChatContent part) {
    return switch (part) {
      case dev.chatstream.llm.chat.TextContent text -> TextContent.newBuilder().setText(text.text()).build();
      case dev.chatstream.llm.chat.ImageContent image -> ImageContent.newBuilder()
          .setId(image.id()).setImage(image.image())
          .setInferenceWidth(image.inferenceWidth()).setInferenceHeight(image.inferenceHeight())
          .setInferenceDetail(ImageDetail.valueOf(image.inferenceDetail().wireName()))
          .setMimeType(image.mimeType()).build();
      case dev.chatstream.llm.chat.AudioContent audio -> AudioContent.newBuilder()
          .setData(audio.data() == null ? null : ByteBuffer.wrap(audio.data()))
          .setUri(audio.uri()).setMimeType(audio.mimeType()).setTranscript(audio.transcript()).build();
    };
  }

  private static byte[] bytesOf(ByteBuffer buffer) {
    if (buffer == null) {
      return null;
    }
    ByteBuffer copy = buffer.duplicate();
    byte[] bytes = new byte[copy.remaining()];
    copy.get(bytes);
    return bytes;
  }
}
