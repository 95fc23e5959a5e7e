package dev.chatstream.pipeline.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatstream.events.FunctionCallEvent;
import dev.chatstream.events.LLMError;
import dev.chatstream.events.LLMMetrics;
import dev.chatstream.events.ReplyCompleted;
import dev.chatstream.events.item.FunctionCall;
import dev.chatstream.llm.ConnectOptions;
import dev.chatstream.llm.internal.retry.ConnectorRuntime;
import dev.chatstream.llm.openai.OpenAiResponsesOptions;
import dev.chatstream.llm.openai.OpenAiResponsesProvider;
import dev.chatstream.llm.testing.ResponsesSocketServer;
import dev.chatstream.llm.testing.ResponsesSocketServer.Script;
import dev.chatstream.llm.testing.ResponsesWire;
import dev.chatstream.pipeline.ChatstreamService;
import dev.chatstream.pipeline.internals.llm.ProviderRegistry;
import dev.chatstream.pipeline.testing.BrokerExtension;
import dev.chatstream.pipeline.testing.EventText;
import dev.chatstream.pipeline.testing.OutputLog;
import dev.chatstream.pipeline.testing.PipelineOnBroker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A conversation on a real broker with an {@code openai-responses} profile streaming over a loopback
 * WebSocket: a tool round trip answered through Kafka, the automatic reply sent with
 * {@code previous_response_id} and only the tool's output, then a new instance on an empty state
 * directory (the conversation header restored from the changelog) that continues the same chain.
 */
@Timeout(90)
class ResponsesRoundTripTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String WEATHER_TOOL = """
      {"name":"get_weather","description":"The weather in a city",
       "parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}""";

  @RegisterExtension
  static final BrokerExtension broker = new BrokerExtension();

  @Test
  void aToolRoundTripThenARestartFromTheChangelogContinueTheResponseChain() throws Exception {
    try (ResponsesSocketServer llm = new ResponsesSocketServer();
        PipelineOnBroker pipeline = PipelineOnBroker.create(broker.kafka(), broker.dir(), "responses", Map.of())) {
      llm.enqueue(Script.events(ResponsesWire.callReply("resp_1", "call_w", "get_weather", "{\"city\":\"Porto\"}")));
      llm.enqueue(Script.events(ResponsesWire.textReply("resp_2", List.of("Porto: ", "rain, 14 °C."))));
      llm.enqueue(Script.events(ResponsesWire.textReply("resp_3", List.of("You're welcome."))));
      ChatstreamService first = pipeline.start(registry(llm));
      pipeline.awaitRunning(first);

      pipeline.send("""
          {"type":"message","conversation_id":"trip","role":"system","content":["You report the weather."]}""");
      pipeline.send("""
          {"type":"message","conversation_id":"trip","role":"user","content":["Weather in Porto?"]}""");
      pipeline.send("""
          {"type":"generate_reply","conversation_id":"trip","request_id":"r1","auto_tool_reply":true,
           "tools":[%s]}""".formatted(WEATHER_TOOL));
      OutputLog out = pipeline.outputs();
      FunctionCall call = out.awaitEvent(FunctionCallEvent.class, e -> true, WAIT, "the function call")
          .getFunctionCall();
      assertEquals("get_weather", call.getName());
      assertEquals("{\"city\":\"Porto\"}", call.getArguments());
      pipeline.send("""
          {"type":"function_call_output","conversation_id":"trip","call_id":"call_w","name":"get_weather",
           "output":"rain, 14","is_error":false}""");
      ReplyCompleted answer = out.awaitEvent(ReplyCompleted.class, r -> r.getRequestId().equals("r1/tool-1"), WAIT,
          "the automatic reply after the tool output");
      assertEquals("Porto: rain, 14 °C.", EventText.of(answer));

      pipeline.stop(first);
      ChatstreamService second = pipeline.start(registry(llm), pipeline.newStateDir());
      pipeline.awaitRunning(second);
      pipeline.send("""
          {"type":"message","conversation_id":"trip","role":"user","content":["Thanks!"]}""");
      pipeline.send("""
          {"type":"generate_reply","conversation_id":"trip","request_id":"r2"}""");
      ReplyCompleted thanks = out.awaitEvent(ReplyCompleted.class, r -> r.getRequestId().equals("r2"), WAIT,
          "the reply after the restart");
      assertEquals("You're welcome.", EventText.of(thanks));

      JsonNode firstRequest = ResponsesWire.read(llm.takeMessage());
      assertEquals("response.create", firstRequest.get("type").asText());
      assertEquals(ResponsesWire.read("""
          [{"role":"system","content":[{"type":"input_text","text":"You report the weather."}]},
           {"role":"user","content":[{"type":"input_text","text":"Weather in Porto?"}]}]"""),
          firstRequest.get("input"));
      assertEquals("get_weather", firstRequest.at("/tools/0/name").asText());
      assertFalse(firstRequest.has("previous_response_id"));
      JsonNode toolReply = ResponsesWire.read(llm.takeMessage());
      assertEquals("resp_1", toolReply.get("previous_response_id").asText());
      assertEquals(ResponsesWire.read(
          "[{\"type\":\"function_call_output\",\"call_id\":\"call_w\",\"output\":\"rain, 14\"}]"),
          toolReply.get("input"));
      JsonNode afterRestart = ResponsesWire.read(llm.takeMessage());
      assertEquals("resp_2", afterRestart.get("previous_response_id").asText(), "the chain survived the restart");
      assertEquals(ResponsesWire.read("[{\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\"Thanks!\"}]}]"),
          afterRestart.get("input"));
      assertEquals(List.of(), out.events(LLMError.class));
      out.awaitUntil(WAIT, "metrics of the three replies", log -> log.events(LLMMetrics.class).size() == 3);
      assertEquals("openai.responses.LLM", out.events(LLMMetrics.class).getFirst().getLabel());
    }
  }

  private static ProviderRegistry registry(ResponsesSocketServer llm) {
    return ProviderRegistry.builder("default").add("default", OpenAiResponsesProvider.create(
        OpenAiResponsesOptions.of("sk-it-responses-000", "gpt-4.1-mini").withBaseUrl(llm.url("/v1").toString()),
        ConnectorRuntime.defaults()), ConnectOptions.defaults()).build();
  }
}
