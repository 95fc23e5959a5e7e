package dev.chatstream.schemas.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * Released schemas kept on the class path as {@code dev/chatstream/schemas/history/<full name>.v<n>.avsc},
 * numbered from 1 without gaps, each a self-contained schema.
 */
public final class ResourceSchemaHistory implements SchemaHistory {

  /** The class-path folder of the released schemas. */
  public static final String FOLDER = "dev/chatstream/schemas/history/";

  private static final ResourceSchemaHistory BUNDLED =
      new ResourceSchemaHistory(ResourceSchemaHistory.class.getClassLoader());

  private final ClassLoader loader;
  private final Map<String, List<Schema>> loaded = new ConcurrentHashMap<>();

  private ResourceSchemaHistory(ClassLoader loader) {
    this.loader = loader;
  }

  /** The history shipped with this module. */
  public static ResourceSchemaHistory bundled() {
    return BUNDLED;
  }

  /** The file name of a type's released version {@code version} (from 1), relative to {@link #FOLDER}. */
  public static String fileName(String fullName, int version) {
    return fullName + ".v" + version + ".avsc";
  }

  /** @throws IllegalStateException when a released schema cannot be read or names another type */
  @Override
  public List<Schema> released(String fullName) {
    return loaded.computeIfAbsent(fullName, this::load);
  }

  private List<Schema> load(String fullName) {
    List<Schema> versions = new ArrayList<>();
    for (int version = 1; ; version++) {
      String resource = FOLDER + fileName(fullName, version);
      try (InputStream in = loader.getResourceAsStream(resource)) {
        if (in == null) {
          return List.copyOf(versions);
        }
        Schema schema = new Schema.Parser().parse(in);
        if (!schema.getFullName().equals(fullName)) {
          throw new IllegalStateException(resource + " holds " + schema.getFullName() + ", not " + fullName);
        }
        versions.add(schema);
      } catch (IOException | SchemaParseException e) {
        throw new IllegalStateException("cannot read released schema " + resource, e);
      }
    }
  }
}
