package dev.chatstream.drills;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatstream.events.AvailabilityChanged;
import dev.chatstream.events.ConversationEvent;
import dev.chatstream.events.command.GenerateReply;
import dev.chatstream.events.command.ToolSpec;
import dev.chatstream.pipeline.Topics;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Records that chatstream must send to its dead-letter topic, one maker per reason, each a key and
 * value written as they are by a raw producer. {@code conversation_limit} is not made here: it needs
 * a conversation that is full, which {@link BadInputDrill} builds.
 */
final class BadRecords {
  /** A record to write: its key and value (null: none). */
  record Raw(String key, byte[] value) {}

  static final List<String> REASONS = List.of("empty_value", "oversized", "malformed", "unknown_schema", "wrong_type",
      "empty_conversation_id", "key_mismatch", "unknown_llm_profile", "invalid_event");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Serializer<ConversationEvent> events;
  private final Serializer<org.apache.avro.specific.SpecificRecord> outputs;
  private final String inputTopic;
  private final int maxEventBytes;
  private final Random random;

  BadRecords(Topics topics, int maxEventBytes, Random random) {
    this.events = topics.conversations().valueSerde().serializer();
    this.outputs = topics.anyEvent().serializer();
    this.inputTopic = topics.conversations().name();
    this.maxEventBytes = maxEventBytes;
    this.random = random;
  }

  /** The {@code n}th bad record of {@code reason}. */
  Raw make(String reason, int n) {
    String key = "bad-" + reason + "-" + n;
    return switch (reason) {
      case "empty_value" -> new Raw(key, null);
      case "oversized" -> new Raw(key, bytes(maxEventBytes + 1 + random.nextInt(1000)));
      case "malformed" -> new Raw(key, n % 2 == 0 ? bytes(1 + random.nextInt(200)) : truncated(key));
      case "unknown_schema" -> new Raw(key, unknownFingerprint());
      case "wrong_type" -> new Raw(key, outputs.serialize(inputTopic, availability(key)));
      case "empty_conversation_id" -> {
        ConversationEvent event = message(key);
        event.setConversationId("");
        yield new Raw(key, events.serialize(inputTopic, event));
      }
      case "key_mismatch" -> new Raw(key, events.serialize(inputTopic, message(key + "-other")));
      case "unknown_llm_profile" -> new Raw(key, events.serialize(inputTopic, request(key, "no-such-profile")));
      case "invalid_event" -> {
        ConversationEvent event = request(key, null);
        ToolSpec tool = ToolSpec.newBuilder().setName("twice").setDescription("a tool named twice").build();
        ((GenerateReply) event.getPayload()).setTools(List.of(tool, tool));
        yield new Raw(key, events.serialize(inputTopic, event));
      }
      default -> throw new IllegalArgumentException(reason);
    };
  }

  private byte[] bytes(int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    if (bytes.length > 1 && bytes[0] == (byte) 0xC3) {
      bytes[0] = 0;
    }
    return bytes;
  }

  /** A valid event's encoding cut in half. */
  private byte[] truncated(String key) {
    byte[] whole = events.serialize(inputTopic, message(key));
    byte[] half = new byte[Math.max(11, whole.length / 2)];
    System.arraycopy(whole, 0, half, 0, half.length);
    return half;
  }

  private byte[] unknownFingerprint() {
    byte[] value = bytes(40);
    value[0] = (byte) 0xC3;
    value[1] = 0x01;
    return value;
  }

  private static AvailabilityChanged availability(String key) {
    return AvailabilityChanged.newBuilder().setConversationId(key).setRequestId("").setAttempt(0).setSequence(0)
        .setRequestMetadata(Map.of()).setApplicationId("drill").setLlm("drill").setAvailable(true).setTimestamp(0).build();
  }

  static ConversationEvent message(String conversationId) {
    ObjectNode line = JSON.createObjectNode().put("type", "message").put("conversation_id", conversationId).put("role", "user");
    line.putArray("content").add("bad input drill");
    return Workload.event(line);
  }

  private static ConversationEvent request(String conversationId, String llm) {
    ObjectNode line = JSON.createObjectNode().put("type", "generate_reply").put("conversation_id", conversationId);
    if (llm != null) {
      line.put("llm", llm);
    }
    return Workload.event(line);
  }
}
