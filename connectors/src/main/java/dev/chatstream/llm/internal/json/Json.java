package dev.chatstream.llm.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The connectors' one configured {@link ObjectMapper}: request bodies, provider streams, error
 * bodies, ChatContext dicts and tool schemas all go through it.
 *
 * <p>A JSON text must be one value ({@code FAIL_ON_TRAILING_TOKENS}). Jackson recycles its parser
 * and generator buffers per thread by default, but every generation runs on a virtual thread of its
 * own, so each would allocate fresh buffers (about 20 KB per request body and per stream); a shared
 * pool hands them from one generation to the next.
 */
public final class Json {
  private static final ObjectMapper MAPPER = JsonMapper.builder(
          JsonFactory.builder().recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool()).build())
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  /**
   * Reads what a model wrote as arguments exactly: duplicate keys are an error and numbers keep their
   * written value ({@code 1.50} stays {@code 1.50}).
   */
  private static final ObjectReader EXACT = MAPPER.reader()
      .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature())
      .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES);

  private Json() {}

  /** The mapper. Thread-safe; never reconfigure it. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** A reader of the same mapper that keeps numbers exact and rejects duplicate keys. */
  public static ObjectReader exact() {
    return EXACT;
  }
}
