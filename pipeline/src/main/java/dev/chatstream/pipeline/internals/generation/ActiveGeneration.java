package dev.chatstream.pipeline.internals.generation;

import dev.chatstream.llm.LlmStream;

/**
 * A generation attempt running on a provider, as the stream thread tracks it: its handle, its
 * request (decoded, and as it arrived), the provider stream to cancel, what the reply has collected
 * so far, the sequence number of the next output event, when it started, and, when traced, the
 * trace context it was asked in and the one its output records carry.
 */
public final class ActiveGeneration {
  private final GenerationHandle handle;
  private final ReplyRequest request;
  private final byte[] encodedRequest;
  private final ReplyAccumulator reply;
  private final int toolStep;
  private final String parentTraceparent;
  private final long startedAtNanos = System.nanoTime();
  private byte[] traceparent;
  private LlmStream stream;
  private long nextSequence;
  private boolean chunked;
  private boolean cancelled;
  private ChunkCoalescer.Merge heldChunk;

  /**
   * An attempt about to start.
   *
   * @param handle the attempt's handle
   * @param request the request being answered
   * @param encodedRequest the request as it arrived
   * @param reply where its chunks are collected
   * @param toolStep 0 for a producer's request, n for the n-th automatic reply of a tool loop
   */
  public ActiveGeneration(
      GenerationHandle handle, ReplyRequest request, byte[] encodedRequest, ReplyAccumulator reply, int toolStep) {
    this(handle, request, encodedRequest, reply, toolStep, null);
  }

  /**
   * An attempt about to start, asked for in the trace of {@code parentTraceparent} (a W3C
   * {@code traceparent}, or null).
   */
  public ActiveGeneration(GenerationHandle handle, ReplyRequest request, byte[] encodedRequest, ReplyAccumulator reply,
      int toolStep, String parentTraceparent) {
    this.handle = handle;
    this.request = request;
    this.encodedRequest = encodedRequest;
    this.reply = reply;
    this.toolStep = toolStep;
    this.parentTraceparent = parentTraceparent;
  }

  /** The attempt's handle. */
  public GenerationHandle handle() {
    return handle;
  }

  /** The request being answered. */
  public ReplyRequest request() {
    return request;
  }

  /** The request as it arrived (the root request, for the steps of a tool loop). */
  byte[] encodedRequest() {
    return encodedRequest;
  }

  /** The reply collected so far. */
  public ReplyAccumulator reply() {
    return reply;
  }

  /** 0 for a producer's request, n for the n-th automatic reply of a tool loop. */
  public int toolStep() {
    return toolStep;
  }

  /** The W3C {@code traceparent} of the record that asked for this generation, or null. */
  public String parentTraceparent() {
    return parentTraceparent;
  }

  /** The {@code traceparent} header value this attempt's output records carry, or null when untraced. */
  public byte[] traceparent() {
    return traceparent;
  }

  /** Sets the {@code traceparent} header value of this attempt's output records. */
  public void traceparent(byte[] value) {
    this.traceparent = value;
  }

  /** {@link System#nanoTime()} when the attempt was created, just before it started. */
  public long startedAtNanos() {
    return startedAtNanos;
  }

  /** Takes the next output sequence number of this attempt. */
  public long nextSequence() {
    return nextSequence++;
  }

  /** Notes that a chunk was forwarded; true for the attempt's first. */
  boolean chunkForwarded() {
    boolean first = !chunked;
    chunked = true;
    return first;
  }

  /** What the current drain holds of this attempt's chunks, or null. */
  ChunkCoalescer.Merge heldChunk() {
    return heldChunk;
  }

  void holdChunk(ChunkCoalescer.Merge merge) {
    heldChunk = merge;
  }

  /** True once a cancel was asked for. */
  public boolean isCancelled() {
    return cancelled;
  }

  void started(LlmStream providerStream) {
    this.stream = providerStream;
  }

  void cancel() {
    cancelled = true;
    if (stream != null) {
      stream.cancel();
    }
  }
}
