package dev.chatstream.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.chatstream.events.ChatChunk;
import dev.chatstream.schemas.internal.ResourceSchemaHistory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaFormatter;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Holds every event schema against its released versions, the baselines kept in
 * {@code src/main/resources/dev/chatstream/schemas/history/<full name>.v<n>.avsc}. They live in main,
 * not test, resources because the deserializer needs them at run time to read payloads written with an
 * older version. The current schema must be the latest released version, and must be compatible in both
 * directions with every released version: a new reader reads data of every old writer, and every old
 * reader reads data of the new writer.
 *
 * <p><b>Changing a schema.</b> Compatible changes are: adding a field with a default, removing a field
 * that had a default, adding a symbol to an enum that has a default, adding a doc. After such a change
 * (of an event or of any record it uses), record it as a new released version:
 *
 * <pre>
 * ./mvnw -B -pl schemas test -Dtest=SchemaCompatibilityTest -Dchatstream.schemas.release=true
 * </pre>
 *
 * <p>which writes {@code <full name>.v<n+1>.avsc} for every event whose schema changed and is compatible
 * both ways with all of its released versions, and still fails for one that is not. Run the tests again
 * without the property, then commit the new files. Never edit or delete a released file: payloads written with it may still be in a topic. A
 * change that is not compatible needs a new event (another record name) on a new topic.
 */
class SchemaCompatibilityTest {

  private static final String RELEASE_PROPERTY = "chatstream.schemas.release";

  static Stream<Class<? extends SpecificRecord>> events() {
    return EventTypes.all().stream();
  }

  @ParameterizedTest
  @MethodSource("events")
  void currentSchemaIsTheLatestReleasedVersion(Class<? extends SpecificRecord> event) throws IOException {
    Schema current = SpecificData.get().getSchema(event);
    List<Schema> released = ResourceSchemaHistory.bundled().released(current.getFullName());
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < released.size(); i++) {
      problems.addAll(incompatibilities(current, released.get(i), "v" + (i + 1)));
    }
    if (!problems.isEmpty()) {
      fail(current.getFullName() + " is not compatible with its released versions:\n  "
          + String.join("\n  ", problems));
    }
    if (!released.isEmpty() && released.getLast().equals(current)) {
      return;
    }
    if (Boolean.getBoolean(RELEASE_PROPERTY)) {
      release(current, released.size() + 1);
      return;
    }
    fail(current.getFullName() + (released.isEmpty() ? " has no released version" : " changed since v"
        + released.size()) + "; it is compatible, so record it with -D" + RELEASE_PROPERTY
        + "=true (see this test's javadoc)");
  }

  @Test
  void everyHistoryFileIsAReleasedVersionOfAnEvent() throws IOException {
    assumeFalse(Boolean.getBoolean(RELEASE_PROPERTY), "files written by this run are not on the class path yet");
    List<String> expected = new ArrayList<>();
    for (Class<? extends SpecificRecord> event : EventTypes.all()) {
      String name = SpecificData.get().getSchema(event).getFullName();
      int versions = ResourceSchemaHistory.bundled().released(name).size();
      for (int v = 1; v <= versions; v++) {
        expected.add(ResourceSchemaHistory.fileName(name, v));
      }
    }
    try (Stream<Path> files = Files.list(historyFolder())) {
      List<String> present = files.map(file -> file.getFileName().toString()).sorted().toList();
      assertEquals(expected.stream().sorted().toList(), present,
          "a history file that is not read (a gap in the numbering, or no such event) is a mistake");
    }
  }

  @Test
  void addingAFieldWithoutDefaultBreaksOldData() {
    Schema released = ChatChunk.getClassSchema();
    Schema changed = withExtraField(released, "{\"name\": \"tenant\", \"type\": \"string\"}");

    List<String> problems = incompatibilities(changed, released, "v1");

    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.getFirst().contains("new reader cannot read data of v1"), problems.toString());
    assertTrue(problems.getFirst().contains("tenant"), problems.toString());
  }

  @Test
  void removingAFieldWithoutDefaultBreaksOldReaders() {
    Schema released = withExtraField(ChatChunk.getClassSchema(), "{\"name\": \"tenant\", \"type\": \"string\"}");
    Schema changed = ChatChunk.getClassSchema();

    List<String> problems = incompatibilities(changed, released, "v1");

    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.getFirst().contains("v1 readers cannot read new data"), problems.toString());
  }

  @Test
  void addingAFieldWithDefaultIsCompatibleBothWays() {
    Schema changed = withExtraField(ChatChunk.getClassSchema(),
        "{\"name\": \"tenant\", \"type\": [\"null\", \"string\"], \"default\": null}");

    assertTrue(incompatibilities(changed, ChatChunk.getClassSchema(), "v1").isEmpty());
    assertFalse(changed.equals(ChatChunk.getClassSchema()));
  }

  /** What stops {@code current} from replacing {@code released}, in both directions; empty when nothing. */
  static List<String> incompatibilities(Schema current, Schema released, String version) {
    List<String> problems = new ArrayList<>();
    describe(SchemaCompatibility.checkReaderWriterCompatibility(current, released),
        "new reader cannot read data of " + version, problems);
    describe(SchemaCompatibility.checkReaderWriterCompatibility(released, current),
        version + " readers cannot read new data", problems);
    return problems;
  }

  private static void describe(SchemaPairCompatibility result, String direction, List<String> problems) {
    if (result.getType() != SchemaCompatibilityType.COMPATIBLE) {
      result.getResult().getIncompatibilities().forEach(incompatibility -> problems.add(direction + ": "
          + incompatibility.getType() + " at " + incompatibility.getLocation() + ": " + incompatibility.getMessage()));
    }
  }

  private static Schema withExtraField(Schema schema, String fieldJson) {
    String json = schema.toString();
    int end = json.lastIndexOf("]}");
    return new Schema.Parser().parse(json.substring(0, end) + "," + fieldJson + json.substring(end));
  }

  private static void release(Schema current, int version) throws IOException {
    Path file = historyFolder().resolve(ResourceSchemaHistory.fileName(current.getFullName(), version));
    Files.writeString(file, SchemaFormatter.format("json/pretty", current) + "\n", StandardCharsets.UTF_8);
  }

  private static Path historyFolder() {
    Path folder = Path.of(System.getProperty("basedir", "."), "src/main/resources", ResourceSchemaHistory.FOLDER);
    if (!Files.isDirectory(folder)) {
      fail("history folder " + folder.toAbsolutePath() + " is missing");
    }
    return folder;
  }
}
