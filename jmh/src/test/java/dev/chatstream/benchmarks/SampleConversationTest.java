package dev.chatstream.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatstream.llm.chat.ChatItem;
import dev.chatstream.llm.chat.ChatMessage;
import dev.chatstream.llm.chat.ChatRole;
import dev.chatstream.llm.chat.FunctionCall;
import dev.chatstream.llm.chat.FunctionCallOutput;
import dev.chatstream.llm.chat.ImageContent;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SampleConversationTest {

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 10, 13, 1000})
  void itemsHaveTheRequestedCountUniqueIdsAndRisingTimes(int count) {
    List<ChatItem> items = SampleConversation.items(count);

    assertEquals(count, items.size());
    assertEquals(count, items.stream().map(ChatItem::id).distinct().count());
    for (int i = 0; i < count; i++) {
      assertEquals(SampleConversation.timeOf(i), items.get(i).createdAt(), "time of item " + i);
    }
  }

  @Test
  void aLongerConversationStartsWithTheItemsOfAShorterOne() {
    assertEquals(SampleConversation.items(10), SampleConversation.items(1000).subList(0, 10));
  }

  @Test
  void conversationMixesInstructionsImagesAndAnsweredToolCalls() {
    List<ChatItem> items = SampleConversation.items(1000);

    assertEquals(ChatRole.SYSTEM, ((ChatMessage) items.getFirst()).role());
    List<ChatMessage> messages = items.stream().filter(ChatMessage.class::isInstance).map(ChatMessage.class::cast).toList();
    assertTrue(messages.stream().anyMatch(m -> m.role() == ChatRole.DEVELOPER), "a developer instruction");
    assertTrue(messages.stream().filter(m -> m.content().stream().anyMatch(ImageContent.class::isInstance)).count() >= 10,
        "images now and then");
    Set<String> calls = items.stream().filter(FunctionCall.class::isInstance)
        .map(item -> ((FunctionCall) item).callId()).collect(Collectors.toSet());
    Set<String> outputs = new HashSet<>(items.stream().filter(FunctionCallOutput.class::isInstance)
        .map(item -> ((FunctionCallOutput) item).callId()).toList());
    assertTrue(calls.size() > 150, "tool calls: " + calls.size());
    calls.removeAll(outputs);
    assertTrue(calls.size() <= 2, "only the calls at the very end may lack an output: " + calls);
  }

  @Test
  void negativeCountIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> SampleConversation.items(-1));
  }
}
