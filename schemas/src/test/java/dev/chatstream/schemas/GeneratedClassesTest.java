package dev.chatstream.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatstream.events.ConversationEvent;
import dev.chatstream.schemas.internal.NamedTypes;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.avro.JsonProperties;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.api.Test;

/** Every generated class belongs to an event held against its baselines, and every schema is documented. */
class GeneratedClassesTest {

  private static final String EVENTS_PACKAGE = "dev.chatstream.events";

  @Test
  void everyGeneratedClassIsAnEventOrUsedByOne() throws Exception {
    Set<String> covered = new TreeSet<>();
    EventTypes.all().forEach(event -> covered.addAll(NamedTypes.of(SpecificData.get().getSchema(event)).keySet()));

    Set<String> generated = generatedSchemaNames();

    assertTrue(generated.size() >= EventTypes.all().size(), "found only " + generated);
    Set<String> uncovered = new TreeSet<>(generated);
    uncovered.removeAll(covered);
    assertEquals(Set.of(), uncovered, "generated types no event uses, so no baseline holds them:"
        + " use them from an event, or add an event to EventTypes and release it");
  }

  @Test
  void everyRecordEnumAndFieldIsDocumented() {
    List<String> missing = new ArrayList<>();
    for (Schema named : allNamedTypes()) {
      if (isBlank(named.getDoc())) {
        missing.add(named.getFullName());
      }
      if (named.getType() == Schema.Type.RECORD) {
        named.getFields().stream().filter(field -> isBlank(field.doc()))
            .forEach(field -> missing.add(named.getFullName() + "." + field.name()));
      }
    }
    assertEquals(List.of(), missing);
  }

  @Test
  void fieldNamesAreSnakeCase() {
    List<String> wrong = new ArrayList<>();
    for (Schema record : records()) {
      record.getFields().stream().filter(field -> !field.name().matches("[a-z][a-z0-9]*(_[a-z0-9]+)*"))
          .forEach(field -> wrong.add(record.getFullName() + "." + field.name()));
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  void nullableFieldsDefaultToNull() {
    List<String> wrong = new ArrayList<>();
    for (Schema record : records()) {
      for (Schema.Field field : record.getFields()) {
        if (field.schema().isNullable() && !(field.hasDefaultValue() && field.defaultVal() == JsonProperties.NULL_VALUE)) {
          wrong.add(record.getFullName() + "." + field.name());
        }
      }
    }
    assertEquals(List.of(), wrong);
  }

  private static Collection<Schema> allNamedTypes() {
    Map<String, Schema> all = new TreeMap<>();
    EventTypes.all().forEach(event -> all.putAll(NamedTypes.of(SpecificData.get().getSchema(event))));
    return all.values();
  }

  private static List<Schema> records() {
    return allNamedTypes().stream().filter(schema -> schema.getType() == Schema.Type.RECORD).toList();
  }

  private static boolean isBlank(String doc) {
    return doc == null || doc.isBlank();
  }

  /** The full names of the schemas of every class generated into {@value #EVENTS_PACKAGE}. */
  private static Set<String> generatedSchemaNames() throws IOException, URISyntaxException, ReflectiveOperationException {
    Path classes = Path.of(ConversationEvent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Set<String> names = new TreeSet<>();
    try (Stream<Path> files = Files.walk(classes.resolve(EVENTS_PACKAGE.replace('.', '/')))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$")).toList()) {
        String className = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
        Class<?> type = Class.forName(className, false, GeneratedClassesTest.class.getClassLoader());
        names.add(((Schema) type.getField("SCHEMA$").get(null)).getFullName());
      }
    }
    return names;
  }
}
