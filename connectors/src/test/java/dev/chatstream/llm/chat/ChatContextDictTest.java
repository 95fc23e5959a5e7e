package dev.chatstream.llm.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChatContextDictTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final ImageContent image =
      new ImageContent("img_1", "https://example.com/cat.png", 512, 384, ImageDetail.HIGH, "image/png");
  private final AudioContent audio =
      new AudioContent("RIFF".getBytes(StandardCharsets.US_ASCII), null, "audio/wav", "meow");
  private final ChatContext context = ChatContext.of(
      new ChatMessage("sys", ChatRole.SYSTEM, List.of(new TextContent("be brief")), false, null, null,
          1700000000),
      new ChatMessage("u1", ChatRole.USER, List.of(new TextContent("what is this?"), image, audio), false, 0.75,
          extra("lang", "en"), 1700000001.25),
      new FunctionCall("u1/fnc_0", "call_1", "lookup", "{\"q\":\"cat\"}", 1700000002.5, extra("n", 1), "g1"),
      new FunctionCallOutput("o1", "call_1", "lookup", "a cat", false, 1700000003),
      new ChatMessage("a1", ChatRole.ASSISTANT, List.of(new TextContent("A cat.")), true, null, null,
          1700000004));

  private static Map<String, Object> extra(String key, Object value) {
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put(key, value);
    return extra;
  }

  private static String write(JsonNode json) throws Exception {
    return MAPPER.writeValueAsString(json);
  }

  @Test
  void toDictByDefaultLeavesOutMediaAndTimestamps() throws Exception {
    assertEquals("""
        {"items":[\
        {"id":"sys","type":"message","role":"system","content":["be brief"],"interrupted":false,"extra":{}},\
        {"id":"u1","type":"message","role":"user","content":["what is this?"],"interrupted":false,\
        "transcript_confidence":0.75,"extra":{"lang":"en"}},\
        {"id":"u1/fnc_0","type":"function_call","call_id":"call_1","arguments":"{\\"q\\":\\"cat\\"}",\
        "name":"lookup","extra":{"n":1},"group_id":"g1"},\
        {"id":"o1","type":"function_call_output","name":"lookup","call_id":"call_1","output":"a cat",\
        "is_error":false},\
        {"id":"a1","type":"message","role":"assistant","content":["A cat."],"interrupted":true,"extra":{}}\
        ]}""", write(context.toDict()));
  }

  @Test
  void toDictWithEverythingWritesMediaAndTimestamps() throws Exception {
    String json = write(context.toDict(DictOptions.includeAll()));

    assertEquals("""
        {"items":[\
        {"id":"sys","type":"message","role":"system","content":["be brief"],"interrupted":false,"extra":{},\
        "created_at":1700000000.0},\
        {"id":"u1","type":"message","role":"user","content":["what is this?",\
        {"id":"img_1","type":"image_content","image":"https://example.com/cat.png","inference_width":512,\
        "inference_height":384,"inference_detail":"high","mime_type":"image/png"},\
        {"type":"audio_content","data":"UklGRg==","mime_type":"audio/wav","transcript":"meow"}],\
        "interrupted":false,"transcript_confidence":0.75,"extra":{"lang":"en"},"created_at":1700000001.25},\
        {"id":"u1/fnc_0","type":"function_call","call_id":"call_1","arguments":"{\\"q\\":\\"cat\\"}",\
        "name":"lookup","created_at":1700000002.5,"extra":{"n":1},"group_id":"g1"},\
        {"id":"o1","type":"function_call_output","name":"lookup","call_id":"call_1","output":"a cat",\
        "is_error":false,"created_at":1700000003.0},\
        {"id":"a1","type":"message","role":"assistant","content":["A cat."],"interrupted":true,"extra":{},\
        "created_at":1700000004.0}\
        ]}""", json);
  }

  @Test
  void toDictOptionsSelectMediaKinds() throws Exception {
    ChatContext message = ChatContext.of(context.items().get(1));

    JsonNode imagesOnly = message.toDict(DictOptions.defaults().includeImages()).at("/items/0/content");
    JsonNode audioOnly = message.toDict(DictOptions.defaults().includeAudio()).at("/items/0/content");

    assertEquals(List.of("what is this?", "image_content"),
        List.of(imagesOnly.get(0).textValue(), imagesOnly.get(1).get("type").textValue()));
    assertEquals(2, imagesOnly.size());
    assertEquals("audio_content", audioOnly.get(1).get("type").textValue());
    assertEquals(2, audioOnly.size());
  }

  @Test
  void toDictWithTimestampsOnlyAddsCreatedAt() throws Exception {
    JsonNode item = context.toDict(DictOptions.defaults().includeTimestamps()).at("/items/3");

    assertEquals("{\"id\":\"o1\",\"type\":\"function_call_output\",\"name\":\"lookup\",\"call_id\":\"call_1\","
        + "\"output\":\"a cat\",\"is_error\":false,\"created_at\":1700000003.0}", write(item));
  }

  @Test
  void toDictExcludingFunctionCallsDropsCallsAndOutputs() {
    JsonNode items = context.toDict(DictOptions.defaults().excludeFunctionCalls()).get("items");

    assertEquals(List.of("sys", "u1", "a1"),
        List.of(items.get(0).get("id").textValue(), items.get(1).get("id").textValue(),
            items.get(2).get("id").textValue()));
    assertEquals(3, items.size());
  }

  @Test
  void toDictOfEmptyContextHasNoItems() throws Exception {
    assertEquals("{\"items\":[]}", write(ChatContext.empty().toDict()));
  }

  @Test
  void toDictWritesTimesInPlainNotation() throws Exception {
    ChatContext small = ChatContext.of(TestItems.user("a", 0), TestItems.user("b", 12345678901.125));

    String json = write(small.toDict(DictOptions.includeAll()));

    assertTrue(json.contains("\"created_at\":0.0}"), json);
    assertTrue(json.contains("\"created_at\":12345678901.125}"), json);
  }

  @Test
  void fromDictRestoresEveryFieldFromTheLosslessForm() throws Exception {
    JsonNode parsed = MAPPER.readTree(write(context.toDict(DictOptions.includeAll())));

    assertEquals(context.items(), ChatContext.fromDict(parsed).items());
  }

  @Test
  void fromDictOfDefaultFormIsEquivalentWithoutMedia() throws Exception {
    ChatContext textOnly = context.copy();
    textOnly.remove("u1");

    ChatContext restored = ChatContext.fromDict(MAPPER.readTree(write(textOnly.toDict())));

    assertTrue(textOnly.isEquivalent(restored));
  }

  @Test
  void fromDictFillsDefaultsLikeTheReference() throws Exception {
    double before = Clock.nowSeconds();

    ChatContext restored = ChatContext.fromDict(MAPPER.readTree("""
        {"items":[
          {"type":"message","role":"user","content":["hi",{"type":"image_content","image":"https://x/y.png"}]},
          {"type":"function_call","call_id":"c1","name":"f","arguments":"{}"},
          {"type":"function_call_output","call_id":"c1","output":"ok","is_error":true}
        ]}"""));

    ChatMessage message = (ChatMessage) restored.items().get(0);
    FunctionCall call = (FunctionCall) restored.items().get(1);
    FunctionCallOutput output = (FunctionCallOutput) restored.items().get(2);
    ImageContent image = (ImageContent) message.content().get(1);
    assertTrue(message.id().matches("item_[0-9a-f]{12}"), message.id());
    assertTrue(call.id().matches("item_[0-9a-f]{12}"), call.id());
    assertTrue(image.id().matches("img_[0-9a-f]{12}"), image.id());
    assertEquals(ImageDetail.AUTO, image.inferenceDetail());
    assertEquals(false, message.interrupted());
    assertEquals(Map.of(), message.extra());
    assertEquals(null, message.transcriptConfidence());
    assertEquals(null, call.groupId());
    assertEquals("", output.name());
    assertTrue(message.createdAt() >= before && output.createdAt() <= Clock.nowSeconds() + 1);
  }

  @Test
  void fromDictKeepsTheGivenOrder() throws Exception {
    ChatContext restored = ChatContext.fromDict(MAPPER.readTree("""
        {"items":[
          {"id":"late","type":"message","role":"user","content":[],"created_at":9},
          {"id":"early","type":"message","role":"user","content":[],"created_at":1}
        ]}"""));

    assertEquals(List.of("late", "early"), TestItems.ids(restored));
    assertEquals(9.0, restored.items().get(0).createdAt());
  }

  @Test
  void fromDictIgnoresUnknownFields() throws Exception {
    ChatContext restored = ChatContext.fromDict(MAPPER.readTree("""
        {"items":[{"id":"m","type":"message","role":"user","content":["x"],"hash":"abc","metrics":{}}],
         "version":2}"""));

    assertEquals(List.of("m"), TestItems.ids(restored));
  }

  @Test
  void fromDictReadsAudioFromUriAlone() throws Exception {
    ChatContext restored = ChatContext.fromDict(MAPPER.readTree("""
        {"items":[{"id":"m","type":"message","role":"user",
          "content":[{"type":"audio_content","uri":"s3://bucket/a.wav","transcript":null}]}]}"""));

    assertEquals(new AudioContent(null, "s3://bucket/a.wav", null, null),
        ((ChatMessage) restored.items().get(0)).content().get(0));
  }

  @Test
  void itemJsonRoundTripsOneItem() {
    FunctionCall call = (FunctionCall) context.items().get(2);

    assertEquals(call, ChatItemJson.fromJson(ChatItemJson.toJson(call)));
    assertEquals(1700000002.5, ChatItemJson.toJson(call).get("created_at").doubleValue());
  }
}
