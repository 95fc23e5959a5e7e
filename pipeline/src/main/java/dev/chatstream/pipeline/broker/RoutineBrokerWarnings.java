package dev.chatstream.pipeline.broker;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.Map;
import org.slf4j.Marker;

/**
 * A logback filter that drops the warnings Kafka's broker logs on every normal start and stop (the
 * controller's activation notice, the registration client closed twice), so that an embedded broker's
 * console shows only warnings that mean something. Installed by the module's {@code logback.xml}.
 */
public final class RoutineBrokerWarnings extends TurboFilter {

  private static final Map<String, String> ROUTINE = Map.of(
      "org.apache.kafka.controller.QuorumController", "Performing controller activation.",
      "org.apache.kafka.clients.NetworkClient", "Attempting to close NetworkClient that has already been closed.");

  /** Logback creates it from its configuration. */
  public RoutineBrokerWarnings() {}

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
      Throwable t) {
    if (level != Level.WARN || format == null) {
      return FilterReply.NEUTRAL;
    }
    String routine = ROUTINE.get(logger.getName());
    return routine != null && format.contains(routine) ? FilterReply.DENY : FilterReply.NEUTRAL;
  }
}
