package dev.chatstream.schemas.internal;

import java.util.List;
import org.apache.avro.Schema;

/** The released versions of event schemas: what older payloads may have been written with. */
@FunctionalInterface
public interface SchemaHistory {

  /** The released schemas of the type named {@code fullName}, oldest first; empty when none was released. */
  List<Schema> released(String fullName);
}
