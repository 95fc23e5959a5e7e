package dev.chatstream.schemas.internal;

import org.apache.avro.Conversion;
import org.apache.avro.specific.SpecificData;

/**
 * The Avro models the serdes read and write with: each generated class's own, with Avro's custom coders
 * turned on. The generated classes carry a {@code customEncode}/{@code customDecode} that reads and writes
 * their fields directly; Avro uses them only when the model says so (off by default), and otherwise walks
 * the schema field by field through reflection-free but generic accessors. Schema resolution (a payload
 * of an older version) is the same either way: the decoder hands the fields over in the reader's order,
 * with the defaults of the fields the writer did not have.
 */
final class CodedModels {
  private CodedModels() {}

  /** A model for {@code type} with its logical-type conversions and custom coders on. */
  static SpecificData of(Class<?> type) {
    SpecificData own = SpecificData.getForClass(type);
    SpecificData model = new SpecificData(type.getClassLoader());
    for (Conversion<?> conversion : own.getConversions()) {
      model.addLogicalTypeConversion(conversion);
    }
    model.setCustomCoders(true);
    return model;
  }
}
