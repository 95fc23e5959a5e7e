package dev.chatstream.pipeline.internals.state;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Binary form of {@link GenerationEntry}: a version byte, the fixed fields, the request id, the trace
 * context (empty when untraced), the request. Entries of version 1, written before the trace context
 * was kept, still decode (untraced).
 */
final class GenerationEntryCodec {
  private static final byte VERSION_1 = 1;
  private static final byte VERSION = 2;
  private static final byte[] NONE = new byte[0];

  private GenerationEntryCodec() {}

  static byte[] encode(GenerationEntry entry) {
    byte[] requestId = entry.requestId().getBytes(StandardCharsets.UTF_8);
    byte[] traceparent = entry.traceparent() == null ? NONE : entry.traceparent().getBytes(StandardCharsets.US_ASCII);
    ByteBuffer buffer = ByteBuffer.allocate(1 + 8 + 1 + 4 + 4 + 8 + 4 + requestId.length + 2 + traceparent.length
        + entry.request().length);
    buffer.put(VERSION)
        .putLong(entry.seq())
        .put((byte) entry.status().ordinal())
        .putInt(entry.attempt())
        .putInt(entry.toolStep())
        .putDouble(entry.createdAt())
        .putInt(requestId.length)
        .put(requestId)
        .putShort((short) traceparent.length)
        .put(traceparent)
        .put(entry.request());
    return buffer.array();
  }

  static GenerationEntry decode(byte[] data) {
    ByteBuffer buffer = ByteBuffer.wrap(data);
    byte version = buffer.get();
    if (version != VERSION && version != VERSION_1) {
      throw new IllegalStateException("unknown generation entry version " + version);
    }
    long seq = buffer.getLong();
    GenerationEntry.Status status = GenerationEntry.Status.values()[buffer.get()];
    int attempt = buffer.getInt();
    int toolStep = buffer.getInt();
    double createdAt = buffer.getDouble();
    byte[] requestId = new byte[buffer.getInt()];
    buffer.get(requestId);
    String traceparent = null;
    if (version == VERSION) {
      byte[] trace = new byte[buffer.getShort()];
      buffer.get(trace);
      traceparent = trace.length == 0 ? null : new String(trace, StandardCharsets.US_ASCII);
    }
    byte[] request = new byte[buffer.remaining()];
    buffer.get(request);
    return new GenerationEntry(seq, status, attempt, new String(requestId, StandardCharsets.UTF_8), toolStep,
        createdAt, request, traceparent);
  }
}
