package dev.chatstream.bench;

/**
 * Where closed-loop turns spent their time besides the connector (see {@link TurnStages}).
 *
 * @param requestIn sent → the connector started
 * @param replyOut the connector ended → the reply received
 */
public record TurnStageTimes(LatencySummary requestIn, LatencySummary replyOut) {}
