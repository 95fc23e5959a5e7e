package dev.chatstream.llm.format;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatstream.llm.chat.ChatItem;
import dev.chatstream.llm.chat.FunctionCall;
import dev.chatstream.llm.chat.FunctionCallOutput;
import dev.chatstream.llm.chat.ImageContent;
import dev.chatstream.llm.format.internal.ArgumentsJson;
import dev.chatstream.llm.format.internal.ImageSource;
import java.util.List;

/**
 * AWS Bedrock Converse: merged like {@link AnthropicFormat}, in Converse's content blocks
 * ({@code text}, {@code image}, {@code toolUse}, {@code toolResult}). Images must be inline: Converse
 * takes image bytes (base64 in JSON), not URLs.
 */
final class AwsConverseFormat extends AssistantUserParts {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final AwsConverseFormat PARTS = new AwsConverseFormat();

  private AwsConverseFormat() {}

  static FormattedContext format(List<ChatItem> items, FormatOptions options) {
    return format(items, options, PARTS);
  }

  @Override
  public ObjectNode call(FunctionCall call) {
    ObjectNode block = JSON.objectNode();
    ObjectNode toolUse = block.putObject("toolUse").put("toolUseId", call.callId()).put("name", call.name());
    toolUse.set("input", ArgumentsJson.parseObject(call));
    return block;
  }

  @Override
  public ObjectNode output(FunctionCallOutput output) {
    ObjectNode block = JSON.objectNode();
    ObjectNode toolResult = block.putObject("toolResult").put("toolUseId", output.callId());
    toolResult.putArray("content").add(text(output.output()));
    toolResult.put("status", "success");
    return block;
  }

  @Override
  ObjectNode text(String text) {
    return JSON.objectNode().put("text", text);
  }

  @Override
  ObjectNode image(ImageContent image) {
    if (!(ImageSource.of(image) instanceof ImageSource.Inline inline)) {
      throw new ProviderFormatException("image " + image.id()
          + " is an external URL, which AWS Bedrock Converse does not accept; send it as a data URL");
    }
    ObjectNode block = JSON.objectNode();
    ObjectNode body = block.putObject("image").put("format", inline.format());
    body.putObject("source").put("bytes", inline.base64Data());
    return block;
  }
}
