package dev.chatstream.pipeline.internals.reprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.chatstream.llm.chat.ChatContext;
import dev.chatstream.llm.chat.ChatMessage;
import dev.chatstream.llm.chat.ChatRole;
import dev.chatstream.llm.chat.TextContent;
import dev.chatstream.pipeline.internals.generation.ReplyRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplayOverridesTest {

  @Test
  void theFirstInstructionIsReplacedAndLaterOnesKept() {
    ChatContext context = ChatContext.of(message("u0", ChatRole.USER, "hi", 1), message("d1", ChatRole.DEVELOPER,
        "Be formal.", 2), message("s2", ChatRole.SYSTEM, "Later rule.", 3));

    ChatContext replaced = new ReplayOverrides(null, null, "Answer in French.").apply(context);

    assertEquals(List.of("hi", "Answer in French.", "Later rule."), texts(replaced));
    assertEquals("d1", replaced.items().get(1).id());
    assertEquals(ChatRole.DEVELOPER, ((ChatMessage) replaced.items().get(1)).role());
  }

  @Test
  void aContextWithoutInstructionGetsOneAtItsStart() {
    ChatContext replaced = new ReplayOverrides(null, null, "Be brief.")
        .apply(ChatContext.of(message("u0", ChatRole.USER, "hi", 5)));

    assertEquals(List.of("Be brief.", "hi"), texts(replaced));
    assertEquals(ChatRole.SYSTEM, ((ChatMessage) replaced.items().getFirst()).role());
  }

  @Test
  void theProfileAndModelAreOverriddenAndNothingElse() {
    ReplyRequest recorded = new ReplyRequest("r", "fast", "gpt-x", Map.of("temperature", 0.2), List.of(), null, null,
        null, null, true, 3, true, Map.of("k", "v"));

    ReplyRequest replayed = new ReplayOverrides("local", "llama", null).apply(recorded);

    assertEquals("local", replayed.llm());
    assertEquals("llama", replayed.model());
    assertEquals(Map.of("temperature", 0.2), replayed.options());
    assertEquals(3, replayed.maxToolSteps());
    assertEquals(false, replayed.interrupt(), "a replay never interrupts anything");
    assertSame(recorded, ReplayOverrides.NONE.apply(recorded));
  }

  private static ChatMessage message(String id, ChatRole role, String text, double createdAt) {
    return new ChatMessage(id, role, List.of(new TextContent(text)), false, null, Map.of(),
        createdAt);
  }

  private static List<String> texts(ChatContext context) {
    return context.items().stream().map(item -> ((ChatMessage) item).textContent()).toList();
  }
}
