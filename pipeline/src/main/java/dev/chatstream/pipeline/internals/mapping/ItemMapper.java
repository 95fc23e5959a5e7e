package dev.chatstream.pipeline.internals.mapping;

import dev.chatstream.events.item.AudioContent;
import dev.chatstream.events.item.ImageContent;
import dev.chatstream.events.item.TextContent;
import dev.chatstream.llm.chat.ChatContent;
import dev.chatstream.llm.chat.ChatItem;
import dev.chatstream.llm.chat.ChatMessage;
import dev.chatstream.llm.chat.ChatRole;
import dev.chatstream.llm.chat.FunctionCall;
import dev.chatstream.llm.chat.FunctionCallOutput;
import dev.chatstream.llm.chat.ImageDetail;
import dev.chatstream.pipeline.internals.json.JsonValues;
import dev.chatstream.schemas.EventTypes;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/** Converts conversation items between their Avro events and the ChatContext model. */
public final class ItemMapper {
  static {
    EventTypes.trustGeneratedClasses();
  }

  private ItemMapper() {}

  /**
   * The model item of an Avro item payload.
   *
   * @throws IllegalArgumentException when {@code payload} is not an item, or an item is invalid
   */
  public static ChatItem toModel(Object payload) {
    return switch (payload) {
      case dev.chatstream.events.item.ChatMessage message -> toModel(message);
      case dev.chatstream.events.item.FunctionCall call -> new FunctionCall(call.getId(), call.getCallId(),
          call.getName(), call.getArguments(), call.getCreatedAt(), JsonValues.decode(call.getExtra()), call.getGroupId());
      case dev.chatstream.events.item.FunctionCallOutput output -> new FunctionCallOutput(output.getId(),
          output.getCallId(), output.getName(), output.getOutput(), output.getIsError(), output.getCreatedAt());
      default -> throw new IllegalArgumentException("not a conversation item: " + payload.getClass().getSimpleName());
    };
  }

  /** The Avro payload of a model item. */
  public static SpecificRecord toAvro(ChatItem item) {
    return switch (item) {
      case ChatMessage message -> toAvro(message);
      case FunctionCall call -> toAvro(call);
      case FunctionCallOutput output -> dev.chatstream.events.item.FunctionCallOutput.newBuilder()
          .setId(output.id()).setCallId(output.callId()).setName(output.name()).setOutput(output.output())
          .setIsError(output.isError()).setCreatedAt(output.createdAt()).build();
    };
  }

  /** The Avro form of a model message. */
  public static dev.chatstream.events.item.ChatMessage toAvro(ChatMessage message) {
    List<Object> content = new ArrayList<>(message.content().size());
    for (ChatContent part : message.content()) {
      content.add(toAvro(part));
    }
    return dev.chatstream.events.item.ChatMessage.newBuilder()
        .setId(message.id())
        .setRole(dev.chatstream.events.item.ChatRole.valueOf(message.role().wireName()))
        .setContent(content)
        .setInterrupted(message.interrupted())
        .setTranscriptConfidence(message.transcriptConfidence())
        .setExtra(JsonValues.encode(message.extra()))
        .setCreatedAt(message.createdAt())
        .build();
  }

  /** The Avro form of a model function call. */
  public static dev.chatstream.events.item.FunctionCall toAvro(FunctionCall call) {
    return dev.chatstream.events.item.FunctionCall.newBuilder()
        .setId(call.id()).setCallId(call.callId()).setName(call.name()).setArguments(call.arguments())
        .setCreatedAt(call.createdAt()).setExtra(JsonValues.encode(call.extra())).setGroupId(call.groupId())
        .build();
  }

  /** The model form of an Avro message. */
  public static ChatMessage toModel(dev.chatstream.events.item.ChatMessage message) {
    List<ChatContent> content = new ArrayList<>(message.getContent().size());
    for (Object part : message.getContent()) {
      content.add(toModel(part, message.getId()));
    }
    return new ChatMessage(message.getId(), ChatRole.fromWireName(message.getRole().name()), content,
        message.getInterrupted(), message.getTranscriptConfidence(), JsonValues.decode(message.getExtra()),
        message.getCreatedAt());
  }

  private static ChatContent toModel(Object part, String messageId) {
    return switch (part) {
      case TextContent text -> new dev.chatstream.llm.chat.TextContent(text.getText());
      case ImageContent image -> new dev.chatstream.llm.chat.ImageContent(image.getId(), image.getImage(),
          image.getInferenceWidth(), image.getInferenceHeight(),
          ImageDetail.fromWireName(image.getInferenceDetail().name()), image.getMimeType());
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
          .setInferenceDetail(dev.chatstream.events.item.ImageDetail.valueOf(image.inferenceDetail().wireName()))
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
