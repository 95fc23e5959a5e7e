package dev.chatstream.llm.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatstream.llm.chat.ChatContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every format on every {@link GoldenConversations conversation}, against
 * {@code golden/<conversation>/<format>.json}: {@code {"messages", "system_messages", "instructions"?}},
 * or {@code {"error"}} when the format rejects the conversation.
 */
class GoldenFormatsTest {

  static List<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    for (Map.Entry<String, ChatContext> conversation : GoldenConversations.all().entrySet()) {
      for (ProviderFormat format : ProviderFormat.values()) {
        cases.add(Arguments.of(conversation.getKey(), format, conversation.getValue()));
      }
    }
    return cases;
  }

  @ParameterizedTest(name = "{0} as {1}")
  @MethodSource("cases")
  void formatMatchesItsGoldenFile(String conversation, ProviderFormat format, ChatContext context) throws IOException {
    GoldenJson.assertMatches(conversation + "/" + format.wireName() + ".json", render(context, format));
  }

  private static JsonNode render(ChatContext context, ProviderFormat format) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    FormattedContext formatted;
    try {
      formatted = ProviderFormats.format(context, format);
    } catch (ProviderFormatException e) {
      return node.put("error", e.getMessage());
    }
    node.set("messages", formatted.messages());
    formatted.systemMessages().forEach(node.putArray("system_messages")::add);
    if (formatted.instructions() != null) {
      node.put("instructions", formatted.instructions());
    }
    return node;
  }
}
