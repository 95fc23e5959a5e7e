package dev.chatstream.llm.chat;

import java.util.Arrays;
import java.util.Objects;

/**
 * An audio part of a message: the audio itself (bytes or a reference) and its transcript.
 * Provider formats drop audio; the transcript travels with the item.
 *
 * @param data the audio bytes, or null when only a reference is kept
 * @param uri a reference to the audio, or null
 * @param mimeType the audio's MIME type, or null
 * @param transcript what was said, or null
 */
public record AudioContent(byte[] data, String uri, String mimeType, String transcript)
    implements ChatContent {

  /** Copies {@code data} so the value stays immutable. */
  public AudioContent {
    data = data == null ? null : data.clone();
  }

  /** A copy of the audio bytes, or null. */
  @Override
  public byte[] data() {
    return data == null ? null : data.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AudioContent other
        && Arrays.equals(data, other.data)
        && Objects.equals(uri, other.uri)
        && Objects.equals(mimeType, other.mimeType)
        && Objects.equals(transcript, other.transcript);
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(data), uri, mimeType, transcript);
  }

  @Override
  public String toString() {
    return "AudioContent[bytes=" + (data == null ? 0 : data.length) + ", uri=" + uri
        + ", mimeType=" + mimeType + ", transcript=" + transcript + "]";
  }
}
