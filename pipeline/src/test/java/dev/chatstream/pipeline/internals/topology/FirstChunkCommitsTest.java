package dev.chatstream.pipeline.internals.topology;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FirstChunkCommitsTest {
  private static final long MS = 1_000_000;

  @Test
  void theFirstRequestIsImmediateAndLaterOnesWaitOutTheGap() {
    FirstChunkCommits commits = FirstChunkCommits.every(Duration.ofMillis(10));
    assertFalse(commits.due(0), "nothing forwarded yet");
    commits.firstChunkForwarded();
    assertTrue(commits.due(5 * MS));
    assertFalse(commits.due(6 * MS), "requested already");
    commits.firstChunkForwarded();
    assertFalse(commits.due(9 * MS), "4 ms after the last request");
    assertFalse(commits.due(14 * MS), "9 ms after the last request");
    assertTrue(commits.due(15 * MS), "the gap has passed");
    assertFalse(commits.due(100 * MS), "no first chunk since");
  }

  @Test
  void aZeroGapRequestsAfterEveryDrainWithAFirstChunk() {
    FirstChunkCommits commits = FirstChunkCommits.every(Duration.ZERO);
    commits.firstChunkForwarded();
    assertTrue(commits.due(MS));
    commits.firstChunkForwarded();
    assertTrue(commits.due(MS));
  }

  @Test
  void neverRequests() {
    FirstChunkCommits commits = FirstChunkCommits.never();
    commits.firstChunkForwarded();
    assertFalse(commits.due(Long.MAX_VALUE));
  }

  @Test
  void theTasksOfOneStreamThreadShareThePaceForTheyCommitTogether() {
    FirstChunkCommits commits = FirstChunkCommits.every(Duration.ofMillis(10));
    commits.firstChunkForwarded();
    assertTrue(commits.due(0), "the first task's request");
    commits.firstChunkForwarded();
    assertFalse(commits.due(MS), "another task of the same thread within the gap");
  }

  @Test
  void eachStreamThreadIsPacedOnItsOwn() throws Exception {
    FirstChunkCommits commits = FirstChunkCommits.every(Duration.ofMillis(10));
    commits.firstChunkForwarded();
    assertTrue(commits.due(0));
    boolean[] otherThread = new boolean[1];
    Thread other = Thread.ofPlatform().start(() -> {
      commits.firstChunkForwarded();
      otherThread[0] = commits.due(MS);
    });
    other.join();
    assertTrue(otherThread[0], "a thread's commit does not commit another thread's tasks");
  }

  @Test
  void aNegativeGapIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> FirstChunkCommits.every(Duration.ofMillis(-1)));
  }
}
