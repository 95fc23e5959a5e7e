package dev.chatstream.drills;

/** Sleeping without checked exceptions: an interrupt is kept and ends the sleep. */
final class Pause {
  private Pause() {}

  static void millis(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
