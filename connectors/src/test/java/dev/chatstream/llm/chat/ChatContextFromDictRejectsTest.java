package dev.chatstream.llm.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChatContextFromDictRejectsTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String GOOD = "{\"id\":\"ok\",\"type\":\"message\",\"role\":\"user\",\"content\":[\"x\"]}";

  /** The message of reading {@code {"items":[GOOD, item]}}: the bad item is always {@code items[1]}. */
  private static String errorFor(String item) {
    return errorForDict("{\"items\":[" + GOOD + "," + item + "]}");
  }

  private static String errorForDict(String dict) {
    return assertThrows(IllegalArgumentException.class, () -> ChatContext.fromDict(MAPPER.readTree(dict)))
        .getMessage();
  }

  @Test
  void fromDictRejectsNullContent() {
    assertEquals("items[1]: \"content\" must be an array, was null",
        errorFor("{\"type\":\"message\",\"role\":\"user\",\"content\":null}"));
  }

  @Test
  void fromDictRejectsMissingContent() {
    assertEquals("items[1]: missing \"content\"", errorFor("{\"type\":\"message\",\"role\":\"user\"}"));
  }

  @Test
  void fromDictRejectsContentGivenAsAString() {
    assertEquals("items[1]: \"content\" must be an array, was string",
        errorFor("{\"type\":\"message\",\"role\":\"user\",\"content\":\"hi\"}"));
  }

  @Test
  void fromDictRejectsUnknownRole() {
    assertEquals("items[1]: unknown role 'bot' (expected developer, system, user or assistant)",
        errorFor("{\"type\":\"message\",\"role\":\"bot\",\"content\":[]}"));
  }

  @Test
  void fromDictRejectsMissingRole() {
    assertEquals("items[1]: missing \"role\"", errorFor("{\"type\":\"message\",\"content\":[]}"));
  }

  @Test
  void fromDictRejectsUnknownType() {
    assertEquals("items[1]: unknown item type 'tool_call' (expected message, function_call or function_call_output)",
        errorFor("{\"type\":\"tool_call\"}"));
  }

  @Test
  void fromDictRejectsMissingType() {
    assertEquals("items[1]: missing \"type\"", errorFor("{\"id\":\"x\",\"role\":\"user\",\"content\":[]}"));
  }

  @Test
  void fromDictRejectsNullId() {
    assertEquals("items[1]: \"id\" must be a string, was null",
        errorFor("{\"id\":null,\"type\":\"message\",\"role\":\"user\",\"content\":[]}"));
  }

  @Test
  void fromDictRejectsEmptyId() {
    assertEquals("items[1]: message id must not be empty",
        errorFor("{\"id\":\"\",\"type\":\"message\",\"role\":\"user\",\"content\":[]}"));
  }

  @Test
  void fromDictRejectsAnItemThatIsNotAnObject() {
    assertEquals("items[1]: must be a JSON object, was string", errorFor("\"hello\""));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      42                                       | number
      null                                     | null
      ["hi"]                                   | array
      {"text":"hi"}                            | an object without "type"
      {"type":"text","text":"hi"}              | an object with "type" 'text'
      {"type":7}                               | an object with "type" number
      """)
  void fromDictRejectsContentPartsThatAreNeitherStringsNorKnownObjects(String part, String was) {
    assertEquals("items[1].content[1]: a content part must be a string or an object with \"type\" "
            + "image_content or audio_content, was " + was,
        errorFor("{\"type\":\"message\",\"role\":\"user\",\"content\":[\"ok\"," + part + "]}"));
  }

  @Test
  void fromDictRejectsImageWithoutUrl() {
    assertEquals("items[1].content[0]: missing \"image\"",
        errorFor("{\"type\":\"message\",\"role\":\"user\",\"content\":[{\"type\":\"image_content\"}]}"));
  }

  @Test
  void fromDictRejectsUnknownImageDetail() {
    assertEquals("items[1].content[0]: unknown image detail 'ultra' (expected auto, high or low)",
        errorFor("{\"type\":\"message\",\"role\":\"user\",\"content\":[{\"type\":\"image_content\","
            + "\"image\":\"https://x/y.png\",\"inference_detail\":\"ultra\"}]}"));
  }

  @Test
  void fromDictRejectsFractionalImageSize() {
    assertEquals("items[1].content[0]: \"inference_width\" must be an integer, was number",
        errorFor("{\"type\":\"message\",\"role\":\"user\",\"content\":[{\"type\":\"image_content\","
            + "\"image\":\"https://x/y.png\",\"inference_width\":1.5}]}"));
  }

  @Test
  void fromDictRejectsAudioDataThatIsNotBase64() {
    String message = errorFor("{\"type\":\"message\",\"role\":\"user\",\"content\":[{\"type\":\"audio_content\","
        + "\"data\":\"not base64!\"}]}");

    assertTrue(message.startsWith("items[1].content[0]: \"data\" must be base64 audio bytes: "), message);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      {"type":"function_call","name":"f","arguments":"{}"}                           | missing "call_id"
      {"type":"function_call","call_id":"c","arguments":"{}"}                        | missing "name"
      {"type":"function_call","call_id":"c","name":"f"}                              | missing "arguments"
      {"type":"function_call","call_id":"c","name":"f","arguments":{"a":1}}          | "arguments" must be a string, was object
      {"type":"function_call","call_id":"","name":"f","arguments":"{}"}              | function call call_id must not be empty
      {"type":"function_call_output","call_id":"c","is_error":false}                 | missing "output"
      {"type":"function_call_output","call_id":"c","output":"x"}                     | missing "is_error"
      {"type":"function_call_output","output":"x","is_error":false}                  | missing "call_id"
      {"type":"function_call_output","call_id":"c","output":"x","is_error":"no"}     | "is_error" must be a boolean, was string
      {"type":"function_call_output","call_id":"c","output":"x","is_error":false,"name":null} | "name" must be a string, was null
      """)
  void fromDictRejectsBadFunctionItems(String item, String problem) {
    assertEquals("items[1]: " + problem, errorFor(item));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      "interrupted":null                | "interrupted" must be a boolean, was null
      "interrupted":"yes"               | "interrupted" must be a boolean, was string
      "created_at":"2024-01-01"         | "created_at" must be a number, was string
      "created_at":null                 | "created_at" must be a number, was null
      "created_at":1e400                | message created_at must be finite, was Infinity
      "transcript_confidence":"high"    | "transcript_confidence" must be a number, was string
      "extra":[]                        | "extra" must be an object, was array
      "extra":null                      | "extra" must be an object, was null
      """)
  void fromDictRejectsMistypedMessageFields(String field, String problem) {
    assertEquals("items[1]: " + problem,
        errorFor("{\"type\":\"message\",\"role\":\"user\",\"content\":[]," + field + "}"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      {}                       | chat context: missing "items"
      {"items":null}           | chat context: "items" must be an array, was null
      {"items":{}}             | chat context: "items" must be an array, was object
      []                       | chat context: must be a JSON object, was array
      """)
  void fromDictRejectsAMissingItemsArray(String dict, String problem) {
    assertEquals(problem, errorForDict(dict));
  }

  @Test
  void fromJsonNamesTheSingleItem() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> ChatItemJson.fromJson(MAPPER.readTree("{\"type\":\"message\",\"role\":\"user\"}")));

    assertEquals("item: missing \"content\"", error.getMessage());
  }
}
