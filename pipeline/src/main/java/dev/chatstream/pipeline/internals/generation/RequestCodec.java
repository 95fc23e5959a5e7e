package dev.chatstream.pipeline.internals.generation;

/** Reads the encoded {@code generate_reply} that the generations store keeps with each request. */
public interface RequestCodec {

  /** The request encoded in {@code bytes}. */
  ReplyRequest decode(byte[] bytes);
}
