package dev.chatstream.pipeline.cli;

/**
 * Status lines go to stderr, so stdout carries only a command's data (JSON lines, replies). The
 * stream is looked up at each line, so an embedding program (or a test) that replaces
 * {@code System.err} receives them.
 */
final class Console {
  private Console() {}

  static void status(String line) {
    System.err.println("chatstream: " + line);
  }
}
