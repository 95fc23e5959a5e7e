package dev.chatstream.pipeline.bridge;

/** Reads the encoded {@code generate_reply} that the generations store keeps with each request. */
public interface RequestCodec {

  /** The request encoded in {@code bytes}. */
  ReplyRequest decode(byte[] bytes);
}
