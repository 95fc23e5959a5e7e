package dev.chatstream.pipeline.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicSpecTest {

  @Test
  void rejectsZeroPartitionsAndReplicas() {
    assertEquals("topic t: partitions must be >= 1, was 0",
        assertThrows(IllegalArgumentException.class, () -> TopicSpec.of("t", 0, (short) 1)).getMessage());
    assertEquals("topic t: replication factor must be >= 1, was 0",
        assertThrows(IllegalArgumentException.class, () -> TopicSpec.of("t", 1, (short) 0)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> TopicSpec.of(" ", 1, (short) 1));
  }

  @Test
  void withConfigAddsWithoutChangingTheOriginal() {
    TopicSpec plain = TopicSpec.of("t", 2, (short) 1);
    TopicSpec compacted = plain.withConfig("cleanup.policy", "compact");
    assertEquals(Map.of(), plain.configs());
    assertEquals(Map.of("cleanup.policy", "compact"), compacted.configs());
    assertEquals(Map.of("cleanup.policy", "compact"), compacted.toNewTopic().configs());
  }
}
