package dev.chatstream.schemas.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.avro.Schema;

/** The named types (records and enums) a schema uses, itself included, by full name. */
public final class NamedTypes {

  private NamedTypes() {}

  /** The named types {@code root} uses, itself first, in the order met. */
  public static Map<String, Schema> of(Schema root) {
    Map<String, Schema> found = new LinkedHashMap<>();
    collect(root, found);
    return found;
  }

  private static void collect(Schema schema, Map<String, Schema> found) {
    switch (schema.getType()) {
      case RECORD -> {
        if (found.putIfAbsent(schema.getFullName(), schema) == null) {
          schema.getFields().forEach(field -> collect(field.schema(), found));
        }
      }
      case ENUM, FIXED -> found.putIfAbsent(schema.getFullName(), schema);
      case UNION -> schema.getTypes().forEach(branch -> collect(branch, found));
      case ARRAY -> collect(schema.getElementType(), found);
      case MAP -> collect(schema.getValueType(), found);
      default -> { }
    }
  }
}
