package dev.chatstream.llm.chat;

/**
 * What {@link ChatContext#toDict(DictOptions)} writes. Immutable: every {@code include...}/{@code
 * exclude...} method returns a new value.
 *
 * <p>{@link #defaults()} matches the reference's {@code to_dict()}: images, audio and timestamps left
 * out, function calls kept. {@link #includeAll()} writes everything, so that {@link
 * ChatContext#fromDict} restores the context exactly.
 */
public final class DictOptions {
  private static final DictOptions DEFAULTS = new DictOptions(true, true, true, false);
  private static final DictOptions INCLUDE_ALL = new DictOptions(false, false, false, false);

  private final boolean excludeImage;
  private final boolean excludeAudio;
  private final boolean excludeTimestamp;
  private final boolean excludeFunctionCall;

  private DictOptions(
      boolean excludeImage, boolean excludeAudio, boolean excludeTimestamp, boolean excludeFunctionCall) {
    this.excludeImage = excludeImage;
    this.excludeAudio = excludeAudio;
    this.excludeTimestamp = excludeTimestamp;
    this.excludeFunctionCall = excludeFunctionCall;
  }

  /** No images, no audio, no {@code created_at}; function calls and outputs kept. */
  public static DictOptions defaults() {
    return DEFAULTS;
  }

  /** Every item and every field: the lossless form. */
  public static DictOptions includeAll() {
    return INCLUDE_ALL;
  }

  /** Also writes image parts. */
  public DictOptions includeImages() {
    return new DictOptions(false, excludeAudio, excludeTimestamp, excludeFunctionCall);
  }

  /** Also writes audio parts. */
  public DictOptions includeAudio() {
    return new DictOptions(excludeImage, false, excludeTimestamp, excludeFunctionCall);
  }

  /** Also writes {@code created_at}. */
  public DictOptions includeTimestamps() {
    return new DictOptions(excludeImage, excludeAudio, false, excludeFunctionCall);
  }

  /** Leaves function calls and function call outputs out. */
  public DictOptions excludeFunctionCalls() {
    return new DictOptions(excludeImage, excludeAudio, excludeTimestamp, true);
  }

  boolean writesImages() {
    return !excludeImage;
  }

  boolean writesAudio() {
    return !excludeAudio;
  }

  boolean writesTimestamps() {
    return !excludeTimestamp;
  }

  boolean writesFunctionCalls() {
    return !excludeFunctionCall;
  }

  @Override
  public String toString() {
    return "DictOptions[excludeImage=" + excludeImage + ", excludeAudio=" + excludeAudio
        + ", excludeTimestamp=" + excludeTimestamp + ", excludeFunctionCall=" + excludeFunctionCall + "]";
  }
}
