package dev.chatstream.llm.tools;

import static dev.chatstream.llm.tools.TestJson.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class StrictSchemaTest {

  private static void assertStrict(String input, String expected) {
    assertEquals(object(expected), StrictSchema.toStrict(object(input)));
  }

  @Test
  void objectGetsAdditionalPropertiesFalse() {
    assertStrict(
        """
        {"type": "object", "properties": {"city": {"type": "string"}}}""",
        """
        {"type": "object", "properties": {"city": {"type": "string"}},
         "required": ["city"], "additionalProperties": false}""");
  }

  @Test
  void explicitAdditionalPropertiesIsKept() {
    assertStrict(
        """
        {"type": "object", "additionalProperties": {"type": "string"}}""",
        """
        {"type": "object", "additionalProperties": {"type": "string"}}""");
  }

  @Test
  void requiredListsEveryPropertyInOrder() {
    assertStrict(
        """
        {"type": "object", "required": ["b"],
         "properties": {"a": {"type": "string"}, "b": {"type": "integer"}, "c": {"type": "boolean"}}}""",
        """
        {"type": "object", "required": ["a", "b", "c"], "additionalProperties": false,
         "properties": {"a": {"type": "string"}, "b": {"type": "integer"}, "c": {"type": "boolean"}}}""");
  }

  @Test
  void emptyPropertiesGetEmptyRequired() {
    assertStrict(
        """
        {"type": "object", "properties": {}}""",
        """
        {"type": "object", "properties": {}, "required": [], "additionalProperties": false}""");
  }

  @Test
  void requiredOnlyAddedWhenThereAreProperties() {
    assertStrict(
        """
        {"type": "object"}""",
        """
        {"type": "object", "additionalProperties": false}""");
    assertStrict(
        """
        {"type": "string", "description": "a city"}""",
        """
        {"type": "string", "description": "a city"}""");
  }

  @Test
  void nestedObjectsAreMadeStrict() {
    assertStrict(
        """
        {"type": "object", "properties": {
          "address": {"type": "object", "properties": {
            "street": {"type": "string"},
            "geo": {"type": "object", "properties": {"lat": {"type": "number"}}}}}}}""",
        """
        {"type": "object", "required": ["address"], "additionalProperties": false, "properties": {
          "address": {"type": "object", "required": ["street", "geo"], "additionalProperties": false,
            "properties": {
              "street": {"type": "string"},
              "geo": {"type": "object", "required": ["lat"], "additionalProperties": false,
                "properties": {"lat": {"type": "number"}}}}}}}""");
  }

  @Test
  void arrayItemsObjectsAreMadeStrict() {
    assertStrict(
        """
        {"type": "object", "properties": {
          "stops": {"type": "array", "items": {"type": "object", "properties": {"name": {"type": "string"}}}}}}""",
        """
        {"type": "object", "required": ["stops"], "additionalProperties": false, "properties": {
          "stops": {"type": "array", "items": {"type": "object", "required": ["name"],
            "additionalProperties": false, "properties": {"name": {"type": "string"}}}}}}""");
  }

  @Test
  void emptyVariantIsRemovedFromAnyOf() {
    assertStrict(
        """
        {"anyOf": [{"type": "string"}, {}, {"type": "integer"}]}""",
        """
        {"anyOf": [{"type": "string"}, {"type": "integer"}]}""");
  }

  @Test
  void anyOfLeftWithOneVariantAfterRemovingEmptyOnesIsUnwrapped() {
    assertStrict(
        """
        {"description": "any value", "anyOf": [{}, {"type": "string"}]}""",
        """
        {"description": "any value", "type": "string"}""");
  }

  @Test
  void oneOfBecomesAnyOf() {
    assertStrict(
        """
        {"oneOf": [
          {"type": "object", "properties": {"kind": {"const": "cat"}}},
          {"type": "object", "properties": {"kind": {"const": "dog"}}}]}""",
        """
        {"anyOf": [
          {"type": "object", "required": ["kind"], "additionalProperties": false,
           "properties": {"kind": {"const": "cat"}}},
          {"type": "object", "required": ["kind"], "additionalProperties": false,
           "properties": {"kind": {"const": "dog"}}}]}""");
  }

  @Test
  void singleAnyOfVariantIsMergedIntoParent() {
    assertStrict(
        """
        {"description": "outer", "anyOf": [
          {"type": "object", "description": "inner", "properties": {"x": {"type": "integer"}}}]}""",
        """
        {"description": "inner", "type": "object", "required": ["x"], "additionalProperties": false,
         "properties": {"x": {"type": "integer"}}}""");
  }

  @Test
  void singleOneOfVariantIsMergedIntoParent() {
    assertStrict(
        """
        {"oneOf": [{"type": "integer", "minimum": 1}]}""",
        """
        {"type": "integer", "minimum": 1}""");
  }

  @Test
  void singleAllOfEntryIsMergedIntoParent() {
    assertStrict(
        """
        {"description": "where", "allOf": [{"type": "object", "properties": {"city": {"type": "string"}}}]}""",
        """
        {"description": "where", "type": "object", "required": ["city"], "additionalProperties": false,
         "properties": {"city": {"type": "string"}}}""");
  }

  @Test
  void allOfWithSeveralEntriesConvertsEach() {
    assertStrict(
        """
        {"allOf": [{"type": "object", "properties": {"a": {"type": "string"}}}, {}, {"title": "B", "minProperties": 1}]}""",
        """
        {"allOf": [
          {"type": "object", "required": ["a"], "additionalProperties": false, "properties": {"a": {"type": "string"}}},
          {"minProperties": 1}]}""");
  }

  @Test
  void titleAndDiscriminatorAreRemovedButAPropertyNamedTitleIsKept() {
    assertStrict(
        """
        {"title": "Args", "type": "object", "properties": {
          "title": {"title": "Title", "type": "string"},
          "pet": {"title": "Pet", "discriminator": {"propertyName": "kind"},
                  "anyOf": [{"type": "string"}, {"type": "integer"}]}}}""",
        """
        {"type": "object", "required": ["title", "pet"], "additionalProperties": false, "properties": {
          "title": {"type": "string"},
          "pet": {"anyOf": [{"type": "string"}, {"type": "integer"}]}}}""");
  }

  @Test
  void defaultIsRemovedAndTypedFieldBecomesNullable() {
    assertStrict(
        """
        {"type": "object", "properties": {"unit": {"type": "string", "default": "celsius"}}}""",
        """
        {"type": "object", "required": ["unit"], "additionalProperties": false,
         "properties": {"unit": {"type": ["string", "null"]}}}""");
  }

  @Test
  void defaultOnTypeListAppendsNull() {
    assertStrict(
        """
        {"type": ["string", "integer"], "default": 1}""",
        """
        {"type": ["string", "integer", "null"]}""");
  }

  @Test
  void defaultOnAlreadyNullableTypeLeavesTypeAlone() {
    assertStrict(
        """
        {"type": ["string", "null"], "default": null}""",
        """
        {"type": ["string", "null"]}""");
  }

  @Test
  void defaultOnAnyOfAddsNullVariant() {
    assertStrict(
        """
        {"anyOf": [{"type": "string"}, {"type": "integer"}], "default": "x"}""",
        """
        {"anyOf": [{"type": "string"}, {"type": "integer"}, {"type": "null"}]}""");
  }

  @Test
  void defaultOnAnyOfWithNullVariantAddsNoSecondOne() {
    assertStrict(
        """
        {"anyOf": [{"type": "string"}, {"type": "null"}], "default": null}""",
        """
        {"anyOf": [{"type": "string"}, {"type": "null"}]}""");
  }

  @Test
  void defaultOnConstFieldIsRemovedWithoutMakingItNullable() {
    assertStrict(
        """
        {"type": "string", "const": "cat", "default": "cat"}""",
        """
        {"type": "string", "const": "cat"}""");
  }

  @Test
  void defaultOnEnumWrapsItInAnyOfWithNull() {
    assertStrict(
        """
        {"type": "string", "enum": ["c", "f"], "default": "c"}""",
        """
        {"anyOf": [{"type": "string", "enum": ["c", "f"]}, {"type": "null"}]}""");
  }

  @Test
  void defaultOnBareRefWrapsTheRefInAnyOfWithNull() {
    assertStrict(
        """
        {"$defs": {"Unit": {"type": "string", "enum": ["c", "f"]}},
         "type": "object", "properties": {"unit": {"$ref": "#/$defs/Unit", "default": "c"}}}""",
        """
        {"$defs": {"Unit": {"type": "string", "enum": ["c", "f"]}},
         "type": "object", "required": ["unit"], "additionalProperties": false,
         "properties": {"unit": {"anyOf": [{"$ref": "#/$defs/Unit"}, {"type": "null"}]}}}""");
  }

  @Test
  void defaultOnRefWithSiblingsKeepsSiblingsOutsideTheNullableWrapper() {
    assertStrict(
        """
        {"$defs": {"Unit": {"type": "string", "enum": ["c", "f"]}},
         "type": "object", "properties": {"unit": {"$ref": "#/$defs/Unit", "description": "d", "default": "c"}}}""",
        """
        {"$defs": {"Unit": {"type": "string", "enum": ["c", "f"]}},
         "type": "object", "required": ["unit"], "additionalProperties": false,
         "properties": {"unit": {"description": "d", "anyOf": [{"$ref": "#/$defs/Unit"}, {"type": "null"}]}}}""");
  }

  @Test
  void refWithSiblingsIsInlinedFromDefsWithSiblingsWinning() {
    assertStrict(
        """
        {"$defs": {"Place": {"title": "Place", "type": "object", "description": "a place",
                             "properties": {"name": {"type": "string"}}}},
         "type": "object", "properties": {"home": {"$ref": "#/$defs/Place", "description": "where I live"}}}""",
        """
        {"$defs": {"Place": {"type": "object", "description": "a place", "required": ["name"],
                             "additionalProperties": false, "properties": {"name": {"type": "string"}}}},
         "type": "object", "required": ["home"], "additionalProperties": false,
         "properties": {"home": {"type": "object", "description": "where I live", "required": ["name"],
                                 "additionalProperties": false, "properties": {"name": {"type": "string"}}}}}""");
  }

  @Test
  void refWithSiblingsIsInlinedFromDefinitions() {
    assertStrict(
        """
        {"definitions": {"Id": {"type": "integer", "minimum": 1}},
         "type": "object", "properties": {"id": {"$ref": "#/definitions/Id", "description": "the id"}}}""",
        """
        {"definitions": {"Id": {"type": "integer", "minimum": 1}},
         "type": "object", "required": ["id"], "additionalProperties": false,
         "properties": {"id": {"type": "integer", "minimum": 1, "description": "the id"}}}""");
  }

  @Test
  void bareRefStaysAReferenceAndDefsAreMadeStrict() {
    assertStrict(
        """
        {"$defs": {"Node": {"type": "object", "properties": {"next": {"$ref": "#/$defs/Node"}}}},
         "type": "object", "properties": {"head": {"$ref": "#/$defs/Node"}}}""",
        """
        {"$defs": {"Node": {"type": "object", "required": ["next"], "additionalProperties": false,
                            "properties": {"next": {"$ref": "#/$defs/Node"}}}},
         "type": "object", "required": ["head"], "additionalProperties": false,
         "properties": {"head": {"$ref": "#/$defs/Node"}}}""");
  }

  @Test
  void refWithSiblingsThatDoesNotResolveIsAnError() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StrictSchema.toStrict(object(
        """
        {"type": "object", "properties": {"a": {"$ref": "#/$defs/Missing", "description": "x"}}}""")));
    assertEquals("$ref '#/$defs/Missing' at #/properties/a does not resolve", e.getMessage());
  }

  @Test
  void nonLocalRefWithSiblingsIsAnError() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StrictSchema.toStrict(object(
        """
        {"$ref": "https://example.com/schema.json", "description": "x"}""")));
    assertTrue(e.getMessage().contains("is not a local reference"), e.getMessage());
  }

  @Test
  void selfReferenceWithSiblingsIsAnErrorInsteadOfEndlessInlining() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StrictSchema.toStrict(object(
        """
        {"$defs": {"Node": {"type": "object", "properties": {"next": {"$ref": "#/$defs/Node", "description": "n"}}}},
         "type": "object", "properties": {"head": {"$ref": "#/$defs/Node", "description": "h"}}}""")));
    assertTrue(e.getMessage().contains("refers to itself"), e.getMessage());
  }

  @Test
  void anyOfTogetherWithOneOfIsAnError() {
    assertThrows(IllegalArgumentException.class, () -> StrictSchema.toStrict(object(
        """
        {"anyOf": [{"type": "string"}, {"type": "integer"}], "oneOf": [{"minimum": 1}, {"maximum": 0}]}""")));
  }

  @Test
  void propertySchemaThatIsNotAnObjectIsAnError() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StrictSchema.toStrict(object(
        """
        {"type": "object", "properties": {"a": true}}""")));
    assertEquals("expected a schema object at #/properties/a, was BOOLEAN", e.getMessage());
  }

  @Test
  void inputIsNotChanged() {
    ObjectNode input = object(
        """
        {"title": "Args", "type": "object", "properties": {
          "unit": {"type": "string", "default": "c"},
          "pick": {"oneOf": [{"type": "string"}, {}]}}}""");
    ObjectNode before = input.deepCopy();
    StrictSchema.toStrict(input);
    assertEquals(before, input);
  }

  @Test
  void convertsATypicalGeneratedToolSchema() {
    assertStrict(
        """
        {"title": "GetWeatherArgs", "type": "object",
         "$defs": {"Unit": {"title": "Unit", "type": "string", "enum": ["celsius", "fahrenheit"]}},
         "properties": {
           "location": {"title": "Location", "type": "string", "description": "city name"},
           "unit": {"$ref": "#/$defs/Unit", "description": "temperature unit", "default": "celsius"},
           "days": {"title": "Days", "type": "integer", "default": 1},
           "note": {"anyOf": [{"type": "string"}, {"type": "null"}], "default": null}},
         "required": ["location"]}""",
        """
        {"type": "object",
         "$defs": {"Unit": {"type": "string", "enum": ["celsius", "fahrenheit"]}},
         "additionalProperties": false,
         "properties": {
           "location": {"type": "string", "description": "city name"},
           "unit": {"description": "temperature unit", "anyOf": [{"$ref": "#/$defs/Unit"}, {"type": "null"}]},
           "days": {"type": ["integer", "null"]},
           "note": {"anyOf": [{"type": "string"}, {"type": "null"}]}},
         "required": ["location", "unit", "days", "note"]}""");
  }
}
