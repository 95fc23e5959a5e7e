package dev.chatstream.llm.format;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatstream.llm.chat.AudioContent;
import dev.chatstream.llm.chat.ChatContent;
import dev.chatstream.llm.chat.ChatItem;
import dev.chatstream.llm.chat.ChatMessage;
import dev.chatstream.llm.chat.ChatRole;
import dev.chatstream.llm.chat.FunctionCall;
import dev.chatstream.llm.chat.FunctionCallOutput;
import dev.chatstream.llm.chat.ImageContent;
import dev.chatstream.llm.chat.TextContent;
import dev.chatstream.llm.format.internal.ArgumentsJson;
import dev.chatstream.llm.format.internal.ImageSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Google Gemini {@code contents}: consecutive items merge by role ({@code model} for assistant
 * messages and calls, {@code tool} for outputs, {@code user} otherwise), then {@code tool} turns are
 * renamed {@code user}. The system instruction goes apart.
 *
 * <p>A call whose {@code extra} holds {@code {"google": {"thought_signature": s}}} sends the signature
 * back with its {@code function_call} part, as Gemini requires for its thinking models.
 */
final class GoogleFormat implements MergedConversation.Parts {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final GoogleFormat PARTS = new GoogleFormat();
  private static final String DEFAULT_URL_MIME_TYPE = "image/jpeg";

  private GoogleFormat() {}

  static FormattedContext format(List<ChatItem> items, FormatOptions options) {
    MergedConversation conversation = MergedConversation.build(items, "parts", PARTS);
    conversation.renameRole("tool", "user");
    if (options.injectDummyUserMessage() && conversation.lastRoleIsNot("user")) {
      conversation.insertTurn(conversation.turns().size(), "user", JSON.objectNode().put("text", "."));
    }
    return conversation.toFormattedContext();
  }

  @Override
  public String role(ChatItem item) {
    return switch (item) {
      case ChatMessage message -> message.role() == ChatRole.ASSISTANT ? "model" : "user";
      case FunctionCall call -> "model";
      case FunctionCallOutput output -> "tool";
    };
  }

  @Override
  public List<ObjectNode> message(ChatMessage message) {
    List<ObjectNode> parts = new ArrayList<>();
    for (ChatContent part : message.content()) {
      switch (part) {
        case TextContent(String text) when text.isEmpty() -> { }
        case TextContent(String text) -> parts.add(JSON.objectNode().put("text", text));
        case ImageContent image -> parts.add(image(image));
        case AudioContent audio -> { }
      }
    }
    return parts;
  }

  @Override
  public ObjectNode call(FunctionCall call) {
    ObjectNode part = JSON.objectNode();
    ObjectNode functionCall = part.putObject("function_call").put("id", call.callId()).put("name", call.name());
    functionCall.set("args", ArgumentsJson.parseObject(call));
    if (call.extra().get("google") instanceof Map<?, ?> google
        && google.get("thought_signature") instanceof String signature) {
      part.put("thought_signature", signature);
    }
    return part;
  }

  @Override
  public ObjectNode output(FunctionCallOutput output) {
    ObjectNode part = JSON.objectNode();
    ObjectNode response = part.putObject("function_response")
        .put("id", output.callId())
        .put("name", output.name())
        .putObject("response");
    response.put(output.isError() ? "error" : "output", output.output());
    return part;
  }

  private static ObjectNode image(ImageContent image) {
    ObjectNode part = JSON.objectNode();
    switch (ImageSource.of(image)) {
      case ImageSource.External external -> {
        String mime = external.explicitMimeType() != null ? external.explicitMimeType() : DEFAULT_URL_MIME_TYPE;
        part.putObject("file_data")
            .put("file_uri", external.url())
            .put("mime_type", ImageSource.requireSupported(mime, "image " + image.id()));
      }
      case ImageSource.Inline inline -> part.putObject("inline_data")
          .put("mime_type", inline.mimeType())
          .put("data", inline.base64Data());
    }
    return part;
  }
}
