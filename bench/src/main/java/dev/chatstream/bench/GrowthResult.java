package dev.chatstream.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Phase 4: what one item append and one request build cost on the stream thread as conversations
 * grow, measured through the real topology on real RocksDB stores.
 *
 * @param points one measurement per conversation length, shortest first
 * @param resources what the phase used of the machine
 */
public record GrowthResult(List<Point> points, ResourceUse resources) {

  /** Copies. */
  public GrowthResult {
    points = List.copyOf(points);
  }

  /**
   * The costs at one conversation length.
   *
   * @param length items in each conversation when the measurement started
   * @param conversations conversations of that length the samples were spread over
   * @param append processing one user-message record (decode, checks, three store reads and writes)
   * @param build processing one {@code generate_reply} record (queueing, reading the whole context,
   *     building the provider request, starting the call)
   * @param contextItems items in the context of the last request built (a check that the request
   *     really held the whole conversation)
   */
  public record Point(int length, int conversations, LatencySummary append, LatencySummary build, int contextItems) {}

  /** The median append cost at the longest length over the shortest, or NaN with fewer than two points. */
  @JsonProperty("append_growth")
  public double appendGrowth() {
    if (points.size() < 2) {
      return Double.NaN;
    }
    return points.get(points.size() - 1).append().p50Ms() / points.get(0).append().p50Ms();
  }
}
