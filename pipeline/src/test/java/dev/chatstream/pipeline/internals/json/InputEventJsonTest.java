package dev.chatstream.pipeline.internals.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatstream.events.ConversationEvent;
import dev.chatstream.events.command.CancelGeneration;
import dev.chatstream.events.command.GenerateReply;
import dev.chatstream.events.command.TruncateContext;
import dev.chatstream.events.item.ChatMessage;
import dev.chatstream.events.item.FunctionCall;
import dev.chatstream.events.item.FunctionCallOutput;
import dev.chatstream.events.item.ImageContent;
import dev.chatstream.events.item.TextContent;
import org.junit.jupiter.api.Test;

class InputEventJsonTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static ConversationEvent parse(String line) throws Exception {
    return InputEventJson.parse(JSON.readTree(line));
  }

  private static String error(String line) {
    return assertThrows(IllegalArgumentException.class, () -> parse(line)).getMessage();
  }

  @Test
  void readsAMessageInTheToDictShape() throws Exception {
    ConversationEvent event = parse("{\"type\":\"message\",\"conversation_id\":\"c1\",\"id\":\"m1\",\"role\":\"user\","
        + "\"content\":[\"look\",{\"type\":\"image_content\",\"image\":\"https://x/cat.png\",\"inference_detail\":\"low\"}],"
        + "\"created_at\":12.5}");
    assertEquals("c1", event.getConversationId());
    ChatMessage message = (ChatMessage) event.getPayload();
    assertEquals("m1", message.getId());
    assertEquals(12.5, message.getCreatedAt());
    assertEquals("look", ((TextContent) message.getContent().get(0)).getText());
    assertEquals("https://x/cat.png", ((ImageContent) message.getContent().get(1)).getImage());
    assertFalse(event.getEventId().isEmpty());
  }

  @Test
  void readsFunctionCallsAndOutputs() throws Exception {
    FunctionCall call = (FunctionCall) parse("{\"type\":\"function_call\",\"conversation_id\":\"c\",\"call_id\":\"k\","
        + "\"name\":\"f\",\"arguments\":\"{\\\"a\\\":1}\"}").getPayload();
    assertEquals("{\"a\":1}", call.getArguments());
    FunctionCallOutput output = (FunctionCallOutput) parse("{\"type\":\"function_call_output\",\"conversation_id\":\"c\","
        + "\"call_id\":\"k\",\"output\":\"done\",\"is_error\":true}").getPayload();
    assertTrue(output.getIsError());
    assertEquals("k", output.getCallId());
  }

  @Test
  void readsEveryFieldOfAGenerateReply() throws Exception {
    GenerateReply reply = (GenerateReply) parse("{\"type\":\"generate_reply\",\"conversation_id\":\"c\","
        + "\"request_id\":\"r\",\"llm\":\"fast\",\"model\":\"gpt-x\",\"options\":{\"temperature\":0.2},"
        + "\"tools\":[{\"name\":\"w\",\"description\":\"d\",\"parameters\":{\"type\":\"object\"}},"
        + "{\"type\":\"function\",\"function\":{\"name\":\"v\"}},{\"raw_schema\":{\"name\":\"raw\",\"parameters\":{}}}],"
        + "\"tool_choice\":{\"type\":\"function\",\"function\":{\"name\":\"w\"}},\"parallel_tool_calls\":false,"
        + "\"connect_options\":{\"max_retry\":1,\"retry_interval\":0.5,\"timeout\":3},"
        + "\"context\":{\"truncate_to\":4,\"exclude_instructions\":true,\"tools\":[\"w\"]},"
        + "\"auto_tool_reply\":true,\"max_tool_steps\":2,\"interrupt\":true,\"metadata\":{\"user\":\"u1\",\"n\":3}}")
        .getPayload();
    assertEquals("r", reply.getRequestId());
    assertEquals("fast", reply.getLlm());
    assertEquals("gpt-x", reply.getModel());
    assertEquals("0.2", reply.getOptions().get("temperature"));
    assertEquals(3, reply.getTools().size());
    assertEquals("{\"type\":\"object\"}", reply.getTools().get(0).getParameters());
    assertEquals("v", reply.getTools().get(1).getName());
    assertEquals("raw", reply.getTools().get(2).getName());
    assertTrue(reply.getTools().get(2).getRawSchema().contains("\"raw\""));
    assertEquals("w", reply.getToolChoice());
    assertFalse(reply.getParallelToolCalls());
    assertEquals(1, reply.getConnectOptions().getMaxRetry());
    assertEquals(0.5, reply.getConnectOptions().getRetryInterval());
    assertEquals(4, reply.getContextTransform().getTruncateTo());
    assertTrue(reply.getContextTransform().getExcludeInstructions());
    assertTrue(reply.getAutoToolReply());
    assertEquals(2, reply.getMaxToolSteps());
    assertTrue(reply.getInterrupt());
    assertEquals("u1", reply.getMetadata().get("user"));
    assertEquals("3", reply.getMetadata().get("n"));
  }

  @Test
  void generatesARequestIdWhenNoneIsGiven() throws Exception {
    GenerateReply reply = (GenerateReply) parse("{\"type\":\"generate_reply\",\"conversation_id\":\"c\"}").getPayload();
    assertTrue(reply.getRequestId().startsWith("req_"));
    assertEquals(5, reply.getMaxToolSteps());
  }

  @Test
  void readsCancelTruncateAndDelete() throws Exception {
    assertNull(((CancelGeneration) parse("{\"type\":\"cancel\",\"conversation_id\":\"c\"}").getPayload()).getRequestId());
    assertEquals("r", ((CancelGeneration) parse("{\"type\":\"cancel\",\"conversation_id\":\"c\",\"request_id\":\"r\"}")
        .getPayload()).getRequestId());
    assertEquals(7, ((TruncateContext) parse("{\"type\":\"truncate\",\"conversation_id\":\"c\",\"max_items\":7}")
        .getPayload()).getMaxItems());
    assertEquals("DeleteConversation",
        parse("{\"type\":\"delete\",\"conversation_id\":\"c\"}").getPayload().getClass().getSimpleName());
  }

  @Test
  void rejectsBadLinesWithAClearReason() {
    assertEquals("a line must be a JSON object", error("[1]"));
    assertEquals("event: missing \"type\"", error("{\"conversation_id\":\"c\"}"));
    assertEquals("event: missing \"conversation_id\"", error("{\"type\":\"delete\"}"));
    assertTrue(error("{\"type\":\"hello\",\"conversation_id\":\"c\"}").startsWith("unknown type 'hello'"));
    assertEquals("event: unknown field \"tool\"", error("{\"type\":\"generate_reply\",\"conversation_id\":\"c\",\"tool\":[]}"));
    assertEquals("event: missing \"max_items\"", error("{\"type\":\"truncate\",\"conversation_id\":\"c\"}"));
    assertEquals("event: \"auto_tool_reply\" must be a boolean, was string",
        error("{\"type\":\"generate_reply\",\"conversation_id\":\"c\",\"auto_tool_reply\":\"yes\"}"));
    assertTrue(error("{\"type\":\"message\",\"conversation_id\":\"c\",\"role\":\"robot\",\"content\":[]}")
        .contains("unknown role 'robot'"));
    assertEquals("event: \"tools\" must be an array, was object",
        error("{\"type\":\"generate_reply\",\"conversation_id\":\"c\",\"tools\":{}}"));
    assertEquals("event: \"type\" must not be empty", error("{\"type\":\"\",\"conversation_id\":\"c\"}"));
    assertEquals("tools[1]: missing \"name\"", error("{\"type\":\"generate_reply\",\"conversation_id\":\"c\","
        + "\"tools\":[{\"name\":\"a\"},{\"description\":\"x\"}]}"));
    assertEquals("connect_options: unknown field \"retries\"", error("{\"type\":\"generate_reply\","
        + "\"conversation_id\":\"c\",\"connect_options\":{\"retries\":3}}"));
  }
}
