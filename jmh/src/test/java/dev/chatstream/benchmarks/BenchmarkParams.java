package dev.chatstream.benchmarks;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.openjdk.jmh.annotations.Param;

/** The values of a benchmark's {@code @Param} field, so that tests cover exactly what JMH runs. */
final class BenchmarkParams {
  private BenchmarkParams() {}

  static List<String> values(Class<?> benchmark, String field) {
    try {
      return Arrays.asList(benchmark.getField(field).getAnnotation(Param.class).value());
    } catch (NoSuchFieldException e) {
      throw new IllegalArgumentException(benchmark.getSimpleName() + " has no @Param field " + field, e);
    }
  }

  static Stream<Integer> sizes(Class<?> benchmark) {
    return values(benchmark, "size").stream().map(Integer::valueOf);
  }

  /** Every combination of two parameters. */
  static Stream<Arguments> pairs(Class<?> benchmark, String first, String second) {
    return values(benchmark, first).stream()
        .flatMap(a -> values(benchmark, second).stream().map(b -> Arguments.of(a, b)));
  }
}
