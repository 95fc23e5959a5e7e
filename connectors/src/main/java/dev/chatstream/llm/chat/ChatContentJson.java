package dev.chatstream.llm.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.chatstream.llm.internal.json.FieldReader;
import java.util.Base64;

/**
 * The JSON form of message content parts: a plain string for text, an object with {@code "type":
 * "image_content"} or {@code "type": "audio_content"} otherwise. Audio bytes are base64.
 */
final class ChatContentJson {
  static final String IMAGE_TYPE = "image_content";
  static final String AUDIO_TYPE = "audio_content";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ChatContentJson() {}

  static JsonNode write(ChatContent part) {
    return switch (part) {
      case TextContent text -> TextNode.valueOf(text.text());
      case ImageContent image -> writeImage(image);
      case AudioContent audio -> writeAudio(audio);
    };
  }

  private static ObjectNode writeImage(ImageContent image) {
    ObjectNode json = NODES.objectNode();
    json.put("id", image.id());
    json.put("type", IMAGE_TYPE);
    json.put("image", image.image());
    putIfPresent(json, "inference_width", image.inferenceWidth());
    putIfPresent(json, "inference_height", image.inferenceHeight());
    json.put("inference_detail", image.inferenceDetail().wireName());
    putIfPresent(json, "mime_type", image.mimeType());
    return json;
  }

  private static ObjectNode writeAudio(AudioContent audio) {
    ObjectNode json = NODES.objectNode();
    json.put("type", AUDIO_TYPE);
    byte[] data = audio.data();
    putIfPresent(json, "data", data == null ? null : Base64.getEncoder().encodeToString(data));
    putIfPresent(json, "uri", audio.uri());
    putIfPresent(json, "mime_type", audio.mimeType());
    putIfPresent(json, "transcript", audio.transcript());
    return json;
  }

  static ChatContent read(JsonNode json, String where) {
    if (json.isTextual()) {
      return new TextContent(json.textValue());
    }
    String type = json.isObject() && json.path("type").isTextual() ? json.get("type").textValue() : "";
    return switch (type) {
      case IMAGE_TYPE -> readImage(FieldReader.of(json, where));
      case AUDIO_TYPE -> readAudio(FieldReader.of(json, where));
      default -> throw new IllegalArgumentException(where + ": a content part must be a string or an"
          + " object with \"type\" image_content or audio_content, was " + describe(json));
    };
  }

  private static ImageContent readImage(FieldReader fields) {
    String id = fields.textOr("id", ItemIds::newImageId);
    String image = fields.requiredText("image");
    Integer width = fields.nullableInt("inference_width");
    Integer height = fields.nullableInt("inference_height");
    ImageDetail detail = fields.has("inference_detail")
        ? fields.parse("inference_detail", ImageDetail::fromWireName)
        : ImageDetail.AUTO;
    String mimeType = fields.nullableText("mime_type");
    return fields.build(() -> new ImageContent(id, image, width, height, detail, mimeType));
  }

  private static AudioContent readAudio(FieldReader fields) {
    String data = fields.nullableText("data");
    byte[] bytes;
    try {
      bytes = data == null ? null : Base64.getDecoder().decode(data);
    } catch (IllegalArgumentException e) {
      throw fields.error("\"data\" must be base64 audio bytes: " + e.getMessage(), e);
    }
    String uri = fields.nullableText("uri");
    return new AudioContent(bytes, uri, fields.nullableText("mime_type"), fields.nullableText("transcript"));
  }

  private static String describe(JsonNode json) {
    if (!json.isObject()) {
      return FieldReader.kind(json);
    }
    JsonNode type = json.get("type");
    if (type == null) {
      return "an object without \"type\"";
    }
    String name = type.isTextual() ? "'" + type.textValue() + "'" : FieldReader.kind(type);
    return "an object with \"type\" " + name;
  }

  private static void putIfPresent(ObjectNode json, String field, String value) {
    if (value != null) {
      json.put(field, value);
    }
  }

  private static void putIfPresent(ObjectNode json, String field, Integer value) {
    if (value != null) {
      json.put(field, value);
    }
  }
}
