package dev.chatstream.schemas.internal;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.ClassSecurityValidator;

/**
 * Lets Avro create the generated classes of chatstream's events when it decodes them. Avro only
 * instantiates classes its global {@link ClassSecurityValidator} trusts; this adds exactly the records
 * and enums the given schemas use, keeping whatever the validator already trusts.
 */
public final class TrustedClasses {

  private static final Set<String> TRUSTED = new HashSet<>();

  private TrustedClasses() {}

  /** Trusts the classes of {@code types} and of every record and enum they contain. */
  public static void trustClasses(Collection<? extends Class<? extends SpecificRecord>> types) {
    trust(types.stream().map(type -> SpecificData.get().getSchema(type)).toList());
  }

  static synchronized void trust(Collection<Schema> schemas) {
    ClassSecurityValidator.Builder added = ClassSecurityValidator.builder();
    boolean any = false;
    for (Schema schema : schemas) {
      for (Schema named : NamedTypes.of(schema).values()) {
        String className = SpecificData.getClassName(named);
        if (TRUSTED.add(className)) {
          added.add(className);
          any = true;
        }
      }
    }
    if (any) {
      ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(ClassSecurityValidator.getGlobal(), added.build()));
    }
  }
}
