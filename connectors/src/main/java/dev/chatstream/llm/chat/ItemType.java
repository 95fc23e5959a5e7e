package dev.chatstream.llm.chat;

/** The kinds of {@link ChatItem}, with the names used in {@code to_dict} and on the wire. */
public enum ItemType {
  MESSAGE("message"),
  FUNCTION_CALL("function_call"),
  FUNCTION_CALL_OUTPUT("function_call_output");

  private final String wireName;

  ItemType(String wireName) {
    this.wireName = wireName;
  }

  /** The snake_case name used in serialized items. */
  public String wireName() {
    return wireName;
  }

  /**
   * Parses a wire name.
   *
   * @throws IllegalArgumentException naming the accepted values when {@code name} is not one of them
   */
  public static ItemType fromWireName(String name) {
    for (ItemType type : values()) {
      if (type.wireName.equals(name)) {
        return type;
      }
    }
    throw new IllegalArgumentException(
        "unknown item type '" + name + "' (expected message, function_call or function_call_output)");
  }
}
