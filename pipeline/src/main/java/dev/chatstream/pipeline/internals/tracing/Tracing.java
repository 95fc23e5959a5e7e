package dev.chatstream.pipeline.internals.tracing;

import dev.chatstream.pipeline.LlmRegistry;
import dev.chatstream.pipeline.config.ChatstreamConfig;
import dev.chatstream.pipeline.internals.generation.GenerationTracer;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import java.util.Map;

/**
 * The OpenTelemetry of one service or command. Off ({@code tracing.enabled=false}, the default): the
 * no-op API, and no tracer for generations. On: the SDK as the standard {@code OTEL_*} variables (or
 * {@code otel.*} system properties) configure it, by default exporting spans over OTLP to
 * {@code localhost:4317} with service name {@value #SERVICE_NAME}; chatstream's meters are Micrometer's,
 * so the SDK exports no metrics and no logs unless those variables ask for them. Or, for tests and
 * embedding, an {@link OpenTelemetry} the caller owns.
 */
public final class Tracing implements AutoCloseable {
  /** The service name spans carry unless {@code OTEL_SERVICE_NAME} says otherwise. */
  public static final String SERVICE_NAME = "chatstream";

  private final OpenTelemetry openTelemetry;
  private final OpenTelemetrySdk owned;
  private final boolean enabled;
  private final boolean content;

  private Tracing(OpenTelemetry openTelemetry, OpenTelemetrySdk owned, boolean enabled, boolean content) {
    this.openTelemetry = openTelemetry;
    this.owned = owned;
    this.enabled = enabled;
    this.content = content;
  }

  /** What {@code config} asks for: the SDK from the environment when tracing is on, else nothing. */
  public static Tracing of(ChatstreamConfig config) {
    if (!config.tracingEnabled()) {
      return off();
    }
    OpenTelemetrySdk sdk = AutoConfiguredOpenTelemetrySdk.builder()
        .addPropertiesSupplier(() -> Map.of(
            "otel.service.name", SERVICE_NAME,
            "otel.metrics.exporter", "none",
            "otel.logs.exporter", "none"))
        .disableShutdownHook()
        .build()
        .getOpenTelemetrySdk();
    return new Tracing(sdk, sdk, true, config.tracingContentEnabled());
  }

  /** Tracing into {@code openTelemetry} when {@code config} turns it on, else nothing; the caller closes it. */
  public static Tracing using(OpenTelemetry openTelemetry, ChatstreamConfig config) {
    return config.tracingEnabled() ? new Tracing(openTelemetry, null, true, config.tracingContentEnabled()) : off();
  }

  /** No tracing. */
  public static Tracing off() {
    return new Tracing(OpenTelemetry.noop(), null, false, false);
  }

  /** True when spans are made. */
  public boolean enabled() {
    return enabled;
  }

  /** The API to make spans with (the no-op one when off). */
  public OpenTelemetry openTelemetry() {
    return openTelemetry;
  }

  /** The tracer of generations whose profiles {@code llms} serves; {@link GenerationTracer#NONE} when off. */
  public GenerationTracer generations(LlmRegistry llms) {
    return enabled ? new GenerationSpans(openTelemetry, llms, content) : GenerationTracer.NONE;
  }

  /** Ends what this built: the SDK exports the spans it still holds, then stops. */
  @Override
  public void close() {
    if (owned != null) {
      owned.close();
    }
  }
}
