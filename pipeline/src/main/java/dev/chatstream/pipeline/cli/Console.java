package dev.chatstream.pipeline.cli;

import java.io.PrintStream;

/** Status lines go to stderr, so stdout carries only a command's data (JSON lines, replies). */
final class Console {
  private static final PrintStream STATUS = System.err;

  private Console() {}

  static void status(String line) {
    STATUS.println("chatstream: " + line);
  }
}
