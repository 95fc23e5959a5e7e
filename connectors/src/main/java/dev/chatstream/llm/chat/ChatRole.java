package dev.chatstream.llm.chat;

/** Who a {@link ChatMessage} is from. {@code developer} and {@code system} are both instructions. */
public enum ChatRole {
  DEVELOPER("developer"),
  SYSTEM("system"),
  USER("user"),
  ASSISTANT("assistant");

  private final String wireName;

  ChatRole(String wireName) {
    this.wireName = wireName;
  }

  /** The lower-case name used on the wire. */
  public String wireName() {
    return wireName;
  }

  /** True for {@link #SYSTEM} and {@link #DEVELOPER}: the roles that carry instructions. */
  public boolean isInstruction() {
    return this == SYSTEM || this == DEVELOPER;
  }

  /**
   * Parses a wire name.
   *
   * @throws IllegalArgumentException naming the accepted roles when {@code name} is not one of them
   */
  public static ChatRole fromWireName(String name) {
    for (ChatRole role : values()) {
      if (role.wireName.equals(name)) {
        return role;
      }
    }
    throw new IllegalArgumentException(
        "unknown role '" + name + "' (expected developer, system, user or assistant)");
  }
}
