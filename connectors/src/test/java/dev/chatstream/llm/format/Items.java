package dev.chatstream.llm.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatstream.llm.chat.AudioContent;
import dev.chatstream.llm.chat.ChatContent;
import dev.chatstream.llm.chat.ChatContext;
import dev.chatstream.llm.chat.ChatItem;
import dev.chatstream.llm.chat.ChatMessage;
import dev.chatstream.llm.chat.ChatRole;
import dev.chatstream.llm.chat.FunctionCall;
import dev.chatstream.llm.chat.FunctionCallOutput;
import dev.chatstream.llm.chat.ImageContent;
import dev.chatstream.llm.chat.ImageDetail;
import dev.chatstream.llm.chat.TextContent;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Items with fixed ids and times, for format tests. */
final class Items {
  /** A 1x1 transparent PNG. */
  static final String PNG_BASE64 =
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";
  static final String PNG_DATA_URL = "data:image/png;base64," + PNG_BASE64;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Items() {}

  static ChatMessage message(String id, ChatRole role, double createdAt, ChatContent... parts) {
    return new ChatMessage(id, role, List.of(parts), false, null, Map.of(), createdAt);
  }

  static ChatMessage text(String id, ChatRole role, double createdAt, String... texts) {
    List<ChatContent> parts = new ArrayList<>();
    for (String t : texts) {
      parts.add(new TextContent(t));
    }
    return new ChatMessage(id, role, parts, false, null, Map.of(), createdAt);
  }

  static ChatMessage system(String id, double createdAt, String... texts) {
    return text(id, ChatRole.SYSTEM, createdAt, texts);
  }

  static ChatMessage developer(String id, double createdAt, String... texts) {
    return text(id, ChatRole.DEVELOPER, createdAt, texts);
  }

  static ChatMessage user(String id, double createdAt, String... texts) {
    return text(id, ChatRole.USER, createdAt, texts);
  }

  static ChatMessage assistant(String id, double createdAt, String... texts) {
    return text(id, ChatRole.ASSISTANT, createdAt, texts);
  }

  static FunctionCall call(String id, String callId, String name, String arguments, double createdAt) {
    return new FunctionCall(id, callId, name, arguments, createdAt, Map.of(), null);
  }

  static FunctionCall groupedCall(String id, String groupId, String callId, String name, String arguments,
      double createdAt) {
    return new FunctionCall(id, callId, name, arguments, createdAt, Map.of(), groupId);
  }

  static FunctionCallOutput output(String id, String callId, String name, String output, double createdAt) {
    return new FunctionCallOutput(id, callId, name, output, false, createdAt);
  }

  static FunctionCallOutput error(String id, String callId, String name, String output, double createdAt) {
    return new FunctionCallOutput(id, callId, name, output, true, createdAt);
  }

  static ImageContent image(String id, String url) {
    return new ImageContent(id, url, null, null, ImageDetail.AUTO, null);
  }

  static ImageContent image(String id, String url, ImageDetail detail, String mimeType) {
    return new ImageContent(id, url, null, null, detail, mimeType);
  }

  static TextContent txt(String text) {
    return new TextContent(text);
  }

  static AudioContent audio(String transcript) {
    return new AudioContent(new byte[] {1, 2, 3}, null, "audio/wav", transcript);
  }

  static ChatContext context(ChatItem... items) {
    return ChatContext.of(List.of(items));
  }

  static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text.replace('\'', '"'));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
