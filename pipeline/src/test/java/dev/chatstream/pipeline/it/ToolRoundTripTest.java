package dev.chatstream.pipeline.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatstream.events.FunctionCallEvent;
import dev.chatstream.events.LLMMetrics;
import dev.chatstream.events.ReplyCompleted;
import dev.chatstream.events.item.FunctionCall;
import dev.chatstream.pipeline.config.ChatstreamConfig;
import dev.chatstream.pipeline.testing.BrokerExtension;
import dev.chatstream.pipeline.testing.EventText;
import dev.chatstream.pipeline.testing.FixtureLlmServer.Reply;
import dev.chatstream.pipeline.testing.FixtureLlmServer;
import dev.chatstream.pipeline.testing.OutputLog;
import dev.chatstream.pipeline.testing.PipelineOnBroker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A whole conversation with a tool round trip, on a real broker with the real OpenAI connector
 * replaying recorded streams: the tool call comes out on its topic, the test answers it through the
 * conversations topic, and the pipeline runs the next reply by itself. Under both guarantees.
 */
@Timeout(60)
class ToolRoundTripTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CALL_ID = "call_c91SqDXlYFuETYv8mUHzz6pp";
  private static final String ARGUMENTS = "{\"city\":\"Edinburgh\",\"country\":\"UK\",\"units\":\"c\"}";
  private static final String WEATHER_TOOL = """
      {"name":"GetWeatherArgs","description":"The weather in a city",
       "parameters":{"type":"object","properties":{"city":{"type":"string"},"country":{"type":"string"},
       "units":{"type":"string","enum":["c","f"]}},"required":["city","country","units"]}}""";

  @RegisterExtension
  static final BrokerExtension broker = new BrokerExtension();

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {ChatstreamConfig.EXACTLY_ONCE_V2, ChatstreamConfig.AT_LEAST_ONCE})
  void toolCallIsAnsweredThroughKafkaAndTheNextReplyRunsByItself(String guarantee) throws Exception {
    try (FixtureLlmServer llm = FixtureLlmServer.start()
            .then(Reply.of(FixtureLlmServer.SINGLE_TOOL_CALL))
            .then(Reply.of(FixtureLlmServer.TEXT));
        PipelineOnBroker pipeline = PipelineOnBroker.create(broker.kafka(), broker.dir().resolve(guarantee), "tools",
            Map.of(ChatstreamConfig.PROCESSING_GUARANTEE_CONFIG, guarantee))) {
      pipeline.awaitRunning(pipeline.start(llm.registry()));

      pipeline.send("""
          {"type":"message","conversation_id":"weather","role":"system","content":["You report the weather."]}""");
      pipeline.send("""
          {"type":"message","conversation_id":"weather","role":"user","content":["Weather in Edinburgh?"]}""");
      pipeline.send("""
          {"type":"generate_reply","conversation_id":"weather","request_id":"r1","auto_tool_reply":true,
           "tools":[%s],"metadata":{"trace":"t-7"}}""".formatted(WEATHER_TOOL));
      OutputLog out = pipeline.outputs();

      FunctionCallEvent callEvent = out.awaitEvent(FunctionCallEvent.class, e -> true, WAIT, "the function call");
      FunctionCall call = callEvent.getFunctionCall();
      assertEquals("GetWeatherArgs", call.getName());
      assertEquals(ARGUMENTS, call.getArguments(), "the arguments, verbatim as streamed in 14 fragments");
      assertEquals(CALL_ID, call.getCallId());
      assertEquals("r1", callEvent.getRequestId());
      assertEquals(1, callEvent.getAttempt());
      assertEquals("t-7", callEvent.getRequestMetadata().get("trace"));
      assertTrue(call.getId().endsWith("/fnc_0"), call.getId());

      ReplyCompleted toolReply = out.awaitEvent(ReplyCompleted.class, r -> r.getRequestId().equals("r1"), WAIT,
          "the reply asking for the tool");
      assertEquals("tool_calls", toolReply.getFinishReason());
      assertNull(toolReply.getMessage(), "the reply has no text");
      assertEquals(List.of(call), toolReply.getFunctionCalls());
      assertFalse(toolReply.getCancelled());
      assertEquals(24, toolReply.getUsage().getCompletionTokens());

      pipeline.send("""
          {"type":"function_call_output","conversation_id":"weather","call_id":"%s","name":"GetWeatherArgs",
           "output":"{\\"temperature\\":9,\\"sky\\":\\"rain\\"}","is_error":false}""".formatted(CALL_ID));

      ReplyCompleted answer = out.awaitEvent(ReplyCompleted.class, r -> r.getRequestId().equals("r1/tool-1"), WAIT,
          "the automatic reply after the tool output");
      assertEquals(FixtureLlmServer.TEXT_REPLY, EventText.of(answer));
      assertEquals("stop", answer.getFinishReason());
      assertEquals(1, answer.getAttempt());
      assertEquals("t-7", answer.getRequestMetadata().get("trace"));
      assertFalse(answer.getMessage().getInterrupted());
      out.awaitChunksOf(answer, WAIT);

      out.awaitUntil(WAIT, "metrics of both replies", log -> log.events(LLMMetrics.class).size() == 2);
      LLMMetrics toolMetrics = out.events(LLMMetrics.class, m -> m.getRequestId().equals("r1")).get(0);
      LLMMetrics answerMetrics = out.events(LLMMetrics.class, m -> m.getRequestId().equals("r1/tool-1")).get(0);
      assertEquals(List.of(24, 76), List.of(toolMetrics.getCompletionTokens(), toolMetrics.getPromptTokens()));
      assertEquals(List.of(30, 14), List.of(answerMetrics.getCompletionTokens(), answerMetrics.getPromptTokens()));
      assertFalse(toolMetrics.getCancelled() || answerMetrics.getCancelled());
      assertEquals("openai", answerMetrics.getMetadata().getModelProvider());
      assertTrue(answerMetrics.getTtft() >= 0);

      JsonNode first = llm.takeRequestBody();
      assertEquals(JSON.readTree("""
          [{"role":"system","content":"You report the weather."},{"role":"user","content":"Weather in Edinburgh?"}]"""),
          first.get("messages"));
      assertEquals("GetWeatherArgs", first.at("/tools/0/function/name").asText());
      assertTrue(first.get("stream").asBoolean());

      JsonNode second = llm.takeRequestBody();
      assertEquals(JSON.readTree("""
          [{"role":"system","content":"You report the weather."},
           {"role":"user","content":"Weather in Edinburgh?"},
           {"role":"assistant","tool_calls":[{"id":"%s","type":"function",
             "function":{"name":"GetWeatherArgs","arguments":%s}}]},
           {"role":"tool","tool_call_id":"%s","content":"{\\"temperature\\":9,\\"sky\\":\\"rain\\"}"}]"""
          .formatted(CALL_ID, JSON.writeValueAsString(ARGUMENTS), CALL_ID)), second.get("messages"));
      assertEquals("GetWeatherArgs", second.at("/tools/0/function/name").asText(), "the tools go with the next reply");
      assertEquals(2, llm.requestCount());
    }
  }
}
