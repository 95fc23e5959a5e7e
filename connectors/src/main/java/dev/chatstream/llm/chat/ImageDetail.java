package dev.chatstream.llm.chat;

/** The resolution a provider should use when it looks at an image. */
public enum ImageDetail {
  AUTO("auto"),
  HIGH("high"),
  LOW("low");

  private final String wireName;

  ImageDetail(String wireName) {
    this.wireName = wireName;
  }

  /** The lower-case name used on the wire. */
  public String wireName() {
    return wireName;
  }

  /**
   * Parses a wire name.
   *
   * @throws IllegalArgumentException when {@code name} is not auto, high or low
   */
  public static ImageDetail fromWireName(String name) {
    for (ImageDetail detail : values()) {
      if (detail.wireName.equals(name)) {
        return detail;
      }
    }
    throw new IllegalArgumentException("unknown image detail '" + name + "' (expected auto, high or low)");
  }
}
