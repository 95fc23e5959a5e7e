package dev.chatstream.llm.chat;

import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generators of chat items for property tests. */
final class ChatItemArbitraries {
  private ChatItemArbitraries() {}

  /** Item lists with unique ids. */
  static Arbitrary<List<ChatItem>> uniqueItems(Arbitrary<Double> times, int maxSize) {
    return items(times).list().ofMaxSize(maxSize).uniqueElements(ChatItem::id);
  }

  /** Any item, at one of the given times. */
  static Arbitrary<ChatItem> items(Arbitrary<Double> times) {
    return Arbitraries.oneOf(messages(times), calls(times), outputs(times));
  }

  /** A handful of distinct times, so that ties are common. */
  static Arbitrary<Double> coarseTimes() {
    return Arbitraries.integers().between(0, 5).map(i -> 1_700_000_000.0 + i);
  }

  /** Realistic times with up to microsecond precision, and whole seconds. */
  static Arbitrary<Double> preciseTimes() {
    return Arbitraries.oneOf(
        Arbitraries.doubles().between(0, 4_000_000_000.0).ofScale(6),
        Arbitraries.integers().between(0, 2_000_000_000).map(Double::valueOf));
  }

  static Arbitrary<ChatItem> messages(Arbitrary<Double> times) {
    return Combinators.combine(
            ids(),
            Arbitraries.of(ChatRole.class),
            content().list().ofMaxSize(4),
            Arbitraries.of(true, false),
            Arbitraries.doubles().between(0, 1).ofScale(4).injectNull(0.5),
            extras(),
            times)
        .<ChatItem>as(ChatMessage::new);
  }

  static Arbitrary<ChatItem> calls(Arbitrary<Double> times) {
    return Combinators.combine(
            ids(), callIds(), toolNames(), text(), times, extras(), ids().injectNull(0.5))
        .<ChatItem>as(FunctionCall::new);
  }

  static Arbitrary<ChatItem> outputs(Arbitrary<Double> times) {
    return Combinators.combine(
            ids(), callIds(), Arbitraries.oneOf(toolNames(), Arbitraries.just("")), text(),
            Arbitraries.of(true, false), times)
        .<ChatItem>as(FunctionCallOutput::new);
  }

  private static Arbitrary<String> ids() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withCharRange('a', 'z').ofLength(6).map(s -> "item_" + s),
        Arbitraries.strings().withCharRange('a', 'z').ofLength(4)
            .flatMap(m -> Arbitraries.integers().between(0, 3).map(i -> ItemIds.functionCallId(m, i))));
  }

  private static Arbitrary<String> callIds() {
    return Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(8).map(s -> "call_" + s);
  }

  private static Arbitrary<String> toolNames() {
    return Arbitraries.of("weather", "search", "lookup");
  }

  /** Text with JSON-sensitive characters: quotes, backslashes, control and non-ASCII characters. */
  private static Arbitrary<String> text() {
    return Arbitraries.strings()
        .withCharRange(' ', '~')
        .withChars('\n', '\t', '\u0000', '"', '\\', 'é', '中', '\u2028')
        .ofMaxLength(16);
  }

  private static Arbitrary<ChatContent> content() {
    return Arbitraries.oneOf(text().map(TextContent::new), images(), audio());
  }

  private static Arbitrary<ChatContent> images() {
    return Combinators.combine(
            Arbitraries.strings().alpha().ofLength(5).map(s -> "img_" + s),
            Arbitraries.of("https://example.com/a.png", "data:image/png;base64,iVBORw0KGgo="),
            Arbitraries.integers().between(1, 4096).injectNull(0.5),
            Arbitraries.integers().between(1, 4096).injectNull(0.5),
            Arbitraries.of(ImageDetail.class),
            Arbitraries.of("image/png", "image/jpeg").injectNull(0.5))
        .<ChatContent>as(ImageContent::new);
  }

  private static Arbitrary<ChatContent> audio() {
    return Combinators.combine(
            Arbitraries.bytes().array(byte[].class).ofMaxSize(16).injectNull(0.3),
            Arbitraries.just("s3://bucket/a.wav").injectNull(0.5),
            Arbitraries.just("audio/wav").injectNull(0.5),
            text().injectNull(0.5))
        .<ChatContent>as(AudioContent::new);
  }

  private static Arbitrary<Map<String, Object>> extras() {
    Arbitrary<Object> values = Arbitraries.oneOf(
        text().map(s -> (Object) s),
        Arbitraries.integers().map(i -> (Object) i),
        Arbitraries.of(true, false).map(b -> (Object) b),
        text().list().ofMaxSize(2).map(l -> (Object) l));
    return Arbitraries.maps(text(), values).ofMaxSize(3);
  }
}
