package dev.chatstream.pipeline.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;
import org.junit.jupiter.api.Test;

class RoutineBrokerWarningsTest {

  private final LoggerContext context = new LoggerContext();
  private final RoutineBrokerWarnings filter = new RoutineBrokerWarnings();

  @Test
  void dropsControllerActivationNotice() {
    assertEquals(FilterReply.DENY, decide("org.apache.kafka.controller.QuorumController", Level.WARN,
        "[QuorumController id=1] Performing controller activation. The metadata log appears to be empty."));
  }

  @Test
  void keepsOtherWarningsOfTheSameLoggers() {
    assertEquals(FilterReply.NEUTRAL, decide("org.apache.kafka.controller.QuorumController", Level.WARN,
        "[QuorumController id=1] Renouncing leadership"));
    assertEquals(FilterReply.NEUTRAL, decide("org.apache.kafka.clients.NetworkClient", Level.WARN,
        "Connection to node 1 (localhost/127.0.0.1:9092) could not be established."));
  }

  @Test
  void keepsRoutineTextAtOtherLevelsAndLoggers() {
    String closedTwice = "Attempting to close NetworkClient that has already been closed.";
    assertEquals(FilterReply.DENY, decide("org.apache.kafka.clients.NetworkClient", Level.WARN, closedTwice));
    assertEquals(FilterReply.NEUTRAL, decide("org.apache.kafka.clients.NetworkClient", Level.ERROR, closedTwice));
    assertEquals(FilterReply.NEUTRAL, decide("dev.chatstream.Other", Level.WARN, closedTwice));
  }

  private FilterReply decide(String logger, Level level, String message) {
    return filter.decide(null, context.getLogger(logger), level, message, null, null);
  }
}
