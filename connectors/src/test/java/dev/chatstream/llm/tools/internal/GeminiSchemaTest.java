package dev.chatstream.llm.tools.internal;

import static dev.chatstream.llm.tools.TestJson.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GeminiSchemaTest {

  private static void assertGemini(String input, String expected) {
    assertEquals(Optional.of(object(expected)), GeminiSchema.parameters(object(input)));
  }

  private static String error(String input) {
    return assertThrows(IllegalArgumentException.class, () -> GeminiSchema.parameters(object(input))).getMessage();
  }

  @Test
  void unsupportedKeywordsAreDroppedAndTypesUpperCased() {
    assertGemini(
        """
        {"$schema": "x", "title": "Args", "type": "object", "additionalProperties": false,
         "properties": {"n": {"type": "integer", "default": 1, "examples": [1], "minimum": 0, "exclusiveMaximum": 9}},
         "required": ["n"]}""",
        """
        {"type": "OBJECT", "properties": {"n": {"type": "INTEGER", "minimum": 0}}, "required": ["n"]}""");
  }

  @Test
  void onlyFormatsGeminiKnowsAreKept() {
    assertGemini(
        """
        {"type": "object", "properties": {
          "when": {"type": "string", "format": "date-time"}, "mail": {"type": "string", "format": "email"},
          "n": {"type": "integer", "format": "int64"}}}""",
        """
        {"type": "OBJECT", "properties": {
          "when": {"type": "STRING", "format": "date-time"}, "mail": {"type": "STRING"},
          "n": {"type": "INTEGER", "format": "int64"}}}""");
  }

  @Test
  void refsAreInlinedWithSiblingsWinning() {
    assertGemini(
        """
        {"type": "object", "$defs": {"Unit": {"type": "string", "enum": ["c", "f"], "description": "unit"}},
         "properties": {"u": {"$ref": "#/$defs/Unit", "description": "the unit"}}}""",
        """
        {"type": "OBJECT", "properties": {"u": {"type": "STRING", "enum": ["c", "f"], "description": "the unit"}}}""");
  }

  @Test
  void nullVariantBecomesNullableAndSingleVariantIsMerged() {
    assertGemini(
        """
        {"type": "object", "properties": {"note": {"description": "n", "anyOf": [{"type": "string"}, {"type": "null"}]}}}""",
        """
        {"type": "OBJECT", "properties": {"note": {"type": "STRING", "description": "n", "nullable": true}}}""");
  }

  @Test
  void typeListWithNullBecomesNullable() {
    assertGemini(
        """
        {"type": "object", "properties": {"d": {"type": ["integer", "null"]}}}""",
        """
        {"type": "OBJECT", "properties": {"d": {"type": "INTEGER", "nullable": true}}}""");
  }

  @Test
  void typeListOfSeveralTypesBecomesAnyOf() {
    assertGemini(
        """
        {"type": "object", "properties": {"v": {"type": ["string", "number"]}}}""",
        """
        {"type": "OBJECT", "properties": {"v": {"anyOf": [{"type": "STRING"}, {"type": "NUMBER"}]}}}""");
  }

  @Test
  void oneOfIsReadAsAnyOfWithoutEmptyVariants() {
    assertGemini(
        """
        {"type": "object", "properties": {"v": {"oneOf": [{"type": "string"}, {}, {"type": "object", "properties": {"a": {"type": "boolean"}}}]}}}""",
        """
        {"type": "OBJECT", "properties": {"v": {"anyOf": [
          {"type": "STRING"}, {"type": "OBJECT", "properties": {"a": {"type": "BOOLEAN"}}}]}}}""");
  }

  @Test
  void constBecomesOneValueEnumWithInferredType() {
    assertGemini(
        """
        {"type": "object", "properties": {"kind": {"const": "cat"}, "level": {"enum": [1, 2]}}}""",
        """
        {"type": "OBJECT", "properties": {"kind": {"type": "STRING", "enum": ["cat"]}, "level": {"type": "INTEGER", "enum": [1, 2]}}}""");
  }

  @Test
  void singleAllOfIsMerged() {
    assertGemini(
        """
        {"type": "object", "$defs": {"P": {"type": "object", "properties": {"x": {"type": "number"}}}},
         "properties": {"p": {"allOf": [{"$ref": "#/$defs/P"}], "description": "point"}}}""",
        """
        {"type": "OBJECT", "properties": {"p": {"type": "OBJECT", "description": "point",
          "properties": {"x": {"type": "NUMBER"}}}}}""");
  }

  @Test
  void arrayItemsAreConverted() {
    assertGemini(
        """
        {"type": "object", "properties": {"xs": {"type": "array", "items": {"type": "object", "additionalProperties": false,
          "properties": {"a": {"type": "string", "title": "A"}}}}}}""",
        """
        {"type": "OBJECT", "properties": {"xs": {"type": "ARRAY", "items": {"type": "OBJECT",
          "properties": {"a": {"type": "STRING"}}}}}}""");
  }

  @Test
  void objectWithoutPropertiesHasNoParameters() {
    assertEquals(Optional.empty(), GeminiSchema.parameters(object("{\"type\": \"object\", \"properties\": {}}")));
    assertEquals(Optional.empty(), GeminiSchema.parameters(object("{\"type\": \"object\", \"additionalProperties\": false}")));
  }

  @Test
  void recursiveRefIsAnError() {
    assertEquals("recursive $ref '#/$defs/N' at #/properties/n/properties/next is not supported by Gemini", error(
        """
        {"type": "object", "$defs": {"N": {"type": "object", "properties": {"next": {"$ref": "#/$defs/N"}}}},
         "properties": {"n": {"$ref": "#/$defs/N"}}}"""));
  }

  @Test
  void allOfWithSeveralSchemasIsAnError() {
    assertEquals("allOf with several schemas at #/properties/a is not supported by Gemini", error(
        """
        {"type": "object", "properties": {"a": {"allOf": [{"type": "object"}, {"required": ["x"]}]}}}"""));
  }

  @Test
  void unknownTypeIsAnError() {
    assertEquals("type 'date' at #/properties/a is not supported by Gemini", error(
        """
        {"type": "object", "properties": {"a": {"type": "date"}}}"""));
  }

  @Test
  void inputIsNotChanged() {
    ObjectNode input = object(
        """
        {"type": "object", "additionalProperties": false, "properties": {"a": {"type": ["string", "null"]}}}""");
    ObjectNode before = input.deepCopy();
    GeminiSchema.parameters(input);
    assertEquals(before, input);
  }
}
