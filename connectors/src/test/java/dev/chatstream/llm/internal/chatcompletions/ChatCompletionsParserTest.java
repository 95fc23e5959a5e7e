package dev.chatstream.llm.internal.chatcompletions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.chatstream.llm.ApiStatusException;
import dev.chatstream.llm.internal.http.SseEvent;
import dev.chatstream.llm.internal.retry.ExceptionMapper;
import dev.chatstream.llm.stream.ChatChunk;
import dev.chatstream.llm.stream.ChoiceDelta;
import dev.chatstream.llm.stream.CompletionUsage;
import dev.chatstream.llm.stream.FunctionToolCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChatCompletionsParserTest {

  private final ChatCompletionsParser parser = ChatCompletionsParser.of(ExceptionMapper.redacting(List.of()), "req_1");

  @Test
  void turnsContentDeltasIntoTextChunks() throws Exception {
    assertEquals(List.of(new ChatChunk("c", ChoiceDelta.text("Hi"), null)),
        parse("{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"Hi\"}}]}"));
  }

  @Test
  void skipsEmptyAndNullDeltas() throws Exception {
    assertEquals(List.of(), parse("{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"\"}}]}"));
    assertEquals(List.of(), parse("{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":null,\"finish_reason\":null}]}"));
    assertEquals(List.of(), parse("{\"id\":\"c\",\"choices\":[{\"index\":0,\"content_filter_results\":{}}]}"));
  }

  @Test
  void joinsListShapedContent() throws Exception {
    List<ChatChunk> chunks = parse("{\"id\":\"c\",\"choices\":[{\"delta\":{\"content\":"
        + "[{\"type\":\"text\",\"text\":\"Hel\"},{\"type\":\"image_url\"},{\"type\":\"text\",\"text\":\"lo\"}]}}]}");

    assertEquals(List.of(new ChatChunk("c", ChoiceDelta.text("Hello"), null)), chunks);
  }

  @Test
  void neverLeaksReasoningIntoContent() throws Exception {
    assertEquals(List.of(), parse("{\"id\":\"c\",\"choices\":[{\"delta\":{\"content\":null,\"reasoning_content\":\"hmm\"}}]}"));
    assertEquals(List.of(), parse("{\"id\":\"c\",\"choices\":[{\"delta\":{\"reasoning\":\"hmm\",\"channel\":\"analysis\"}}]}"));
  }

  @Test
  void stripsThinkingTokensSplitAcrossChunks() throws Exception {
    List<ChatChunk> chunks = new ArrayList<>();
    for (String part : List.of("<thi", "nk>plan", " more</th", "ink>An", "swer")) {
      chunks.addAll(parse("{\"id\":\"c\",\"choices\":[{\"delta\":{\"content\":\"" + part + "\"}}]}"));
    }
    chunks.addAll(parser.finish());

    StringBuilder text = new StringBuilder();
    chunks.forEach(chunk -> text.append(chunk.delta().content()));
    assertEquals("Answer", text.toString());
  }

  @Test
  void releasesHeldBackTextAtTheEnd() throws Exception {
    assertEquals(List.of(new ChatChunk("c", ChoiceDelta.text("a "), null)),
        parse("{\"id\":\"c\",\"choices\":[{\"delta\":{\"content\":\"a <th\"}}]}"));

    assertEquals(List.of(new ChatChunk("c", ChoiceDelta.text("<th"), null)), parser.finish());
  }

  @Test
  void assemblesToolCallsByIndexAndFlushesOnTheNextCall() throws Exception {
    List<ChatChunk> chunks = new ArrayList<>();
    chunks.addAll(parse(toolDelta(0, "call_a", "get_weather", "{\\\"ci")));
    chunks.addAll(parse(toolDelta(0, null, null, "ty\\\":\\\"Paris\\\"}")));
    assertEquals(List.of(), chunks, "a call is held until it is complete");

    chunks.addAll(parse(toolDelta(1, "call_b", "get_time", "")));
    assertEquals(List.of(call("get_weather", "{\"city\":\"Paris\"}", "call_a")), calls(chunks));

    chunks.addAll(parse(toolDelta(1, null, null, "{}")));
    chunks.addAll(parse("{\"id\":\"c\",\"choices\":[{\"delta\":{},\"finish_reason\":\"tool_calls\"}]}"));
    assertEquals(List.of(call("get_weather", "{\"city\":\"Paris\"}", "call_a"), call("get_time", "{}", "call_b")),
        calls(chunks));
  }

  @Test
  void flushesAPendingCallOnStop() throws Exception {
    parse(toolDelta(0, "call_a", "f", "{}"));

    List<ChatChunk> chunks = parse("{\"id\":\"c\",\"choices\":[{\"delta\":{},\"finish_reason\":\"stop\"}]}");

    assertEquals(List.of(call("f", "{}", "call_a")), calls(chunks));
  }

  @Test
  void separatesCallsThatShareAnIndexButNotAnId() throws Exception {
    List<ChatChunk> chunks = new ArrayList<>();
    chunks.addAll(parse(toolDelta(0, "call_a", "f", "{\\\"x\\\":1}")));
    chunks.addAll(parse(toolDelta(0, "call_b", "f", "{\\\"x\\\":2}")));
    chunks.addAll(parse("{\"id\":\"c\",\"choices\":[{\"delta\":{},\"finish_reason\":\"tool_calls\"}]}"));

    assertEquals(List.of(call("f", "{\"x\":1}", "call_a"), call("f", "{\"x\":2}", "call_b")), calls(chunks));
  }

  @Test
  void readsSeveralCallsInOneDelta() throws Exception {
    List<ChatChunk> chunks = new ArrayList<>(parse("{\"id\":\"c\",\"choices\":[{\"delta\":{\"tool_calls\":["
        + "{\"index\":0,\"id\":\"call_a\",\"function\":{\"name\":\"f\",\"arguments\":\"{}\"}},"
        + "{\"index\":1,\"id\":\"call_b\",\"function\":{\"name\":\"g\",\"arguments\":\"{}\"}}]},"
        + "\"finish_reason\":\"tool_calls\"}]}"));

    assertEquals(List.of(call("f", "{}", "call_a"), call("g", "{}", "call_b")), calls(chunks));
  }

  @Test
  void givesACallWithoutAnIdAGeneratedOne() throws Exception {
    parse(toolDelta(0, null, "f", "{}"));

    List<FunctionToolCall> calls = calls(parse("{\"id\":\"c\",\"choices\":[{\"delta\":{},\"finish_reason\":\"stop\"}]}"));

    assertEquals(1, calls.size());
    assertTrue(calls.getFirst().callId().startsWith("call_"), calls.getFirst().callId());
  }

  @Test
  void keepsExtraContentOfToolCalls() throws Exception {
    parse("{\"id\":\"c\",\"choices\":[{\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"call_a\","
        + "\"function\":{\"name\":\"f\",\"arguments\":\"{}\"},"
        + "\"extra_content\":{\"google\":{\"thought_signature\":\"sig\"}}}]}}]}");

    FunctionToolCall call = calls(parse("{\"id\":\"c\",\"choices\":[{\"delta\":{},\"finish_reason\":\"stop\"}]}")).getFirst();

    assertEquals(Map.of("extra_content", Map.of("google", Map.of("thought_signature", "sig"))), call.extra());
  }

  @Test
  void readsTheUsageChunk() throws Exception {
    List<ChatChunk> chunks = parse("{\"id\":\"c\",\"choices\":[],\"service_tier\":\"default\",\"usage\":"
        + "{\"prompt_tokens\":20,\"completion_tokens\":7,\"total_tokens\":27,"
        + "\"prompt_tokens_details\":{\"cached_tokens\":16}}}");

    assertEquals(List.of(new ChatChunk("c", null, new CompletionUsage(7, 20, 16, 0, 0, 27, "default"))), chunks);
  }

  @Test
  void countsNullUsageFiguresAsZero() throws Exception {
    List<ChatChunk> chunks = parse("{\"id\":\"c\",\"choices\":[],\"usage\":"
        + "{\"prompt_tokens\":null,\"completion_tokens\":3,\"total_tokens\":null,\"prompt_tokens_details\":null}}");

    assertEquals(List.of(new ChatChunk("c", null, new CompletionUsage(3, 0, 0, 0, 0, 0, null))), chunks);
  }

  @Test
  void readsUsageInsideAFinishChunk() throws Exception {
    List<ChatChunk> chunks = parse("{\"id\":\"c\",\"choices\":[{\"delta\":{\"content\":\"!\"},\"finish_reason\":\"stop\"}],"
        + "\"usage\":{\"prompt_tokens\":6,\"completion_tokens\":2,\"total_tokens\":8,\"prompt_cache_hit_tokens\":4}}");

    assertEquals(List.of(
        new ChatChunk("c", ChoiceDelta.text("!"), null),
        new ChatChunk("c", null, new CompletionUsage(2, 6, 4, 0, 0, 8, null))), chunks);
  }

  @Test
  void readsGroqUsage() throws Exception {
    List<ChatChunk> chunks = parse("{\"id\":\"c\",\"choices\":[{\"delta\":{},\"finish_reason\":\"stop\"}],"
        + "\"x_groq\":{\"id\":\"req\",\"usage\":{\"prompt_tokens\":21,\"completion_tokens\":988,\"total_tokens\":1009}}}");

    assertEquals(List.of(new ChatChunk("c", null, CompletionUsage.of(988, 21, 1009))), chunks);
  }

  @Test
  void stopsAtDone() throws Exception {
    assertFalse(parser.done());
    assertEquals(List.of(), parser.accept(new SseEvent(null, null, "[DONE]")));
    assertTrue(parser.done());
  }

  @Test
  void turnsAnErrorObjectIntoAStatusError() {
    ApiStatusException error = assertThrows(ApiStatusException.class,
        () -> parse("{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\",\"code\":503}}"));

    assertEquals(503, error.status());
    assertEquals("req_1", error.providerRequestId());
    assertTrue(error.retryable());
  }

  @Test
  void turnsAnErrorEventIntoAStatusError() {
    ApiStatusException error = assertThrows(ApiStatusException.class,
        () -> parser.accept(new SseEvent(null, "error", "{\"message\":\"bad tool\",\"status_code\":400}")));

    assertEquals(400, error.status());
    assertFalse(error.retryable());
    assertEquals("error in the provider stream: bad tool", error.getMessage());
  }

  @Test
  void rejectsDataThatIsNotAChunkObject() {
    assertThrows(JsonProcessingException.class, () -> parse("{\"id\": \"c\", \"choices\": ["));
    assertThrows(JsonProcessingException.class, () -> parse("[1, 2]"));
  }

  private List<ChatChunk> parse(String data) throws JsonProcessingException {
    return parser.accept(new SseEvent(null, null, data));
  }

  private static String toolDelta(int index, String id, String name, String arguments) {
    StringBuilder fragment = new StringBuilder("{\"index\":" + index);
    if (id != null) {
      fragment.append(",\"id\":\"").append(id).append("\",\"type\":\"function\"");
    }
    fragment.append(",\"function\":{");
    if (name != null) {
      fragment.append("\"name\":\"").append(name).append("\",");
    }
    fragment.append("\"arguments\":\"").append(arguments).append("\"}}");
    return "{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[" + fragment + "]}}]}";
  }

  private static FunctionToolCall call(String name, String arguments, String id) {
    return FunctionToolCall.of(name, arguments, id);
  }

  private static List<FunctionToolCall> calls(List<ChatChunk> chunks) {
    return chunks.stream().flatMap(chunk -> chunk.delta().toolCalls().stream()).toList();
  }
}
