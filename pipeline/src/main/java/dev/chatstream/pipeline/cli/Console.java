package dev.chatstream.pipeline.cli;

/**
 * Status lines go to stderr, so stdout carries only a command's data (JSON lines, replies). The
 * stream is looked up at each line, so an embedding program (or a test) that replaces
 * {@code System.err} receives them.
 */
public final class Console {
  private Console() {}

  static void status(String line) {
    System.err.println("chatstream: " + line);
  }

  /**
   * True when this process runs on a terminal, so progress may redraw a line in place: on JDK 22+
   * {@code Console.isTerminal()}, before that whether a console exists.
   */
  public static boolean isTerminal() {
    java.io.Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }
}
