package dev.chatstream.pipeline.internals.metrics;

import dev.chatstream.pipeline.config.ChatstreamConfig;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.util.HierarchicalNameMapper;
import io.micrometer.jmx.JmxConfig;
import io.micrometer.jmx.JmxMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The Micrometer registries of one service: Prometheus (the text {@code GET /metrics} answers with)
 * and, when asked, JMX (domain {@value #JMX_DOMAIN}), behind one composite that every meter is
 * registered in. The JVM's metrics (memory, GC, threads, class loading, CPU, uptime) are bound at
 * once, Kafka Streams' and its clients' own metrics when {@link #bind(KafkaStreams)} is called. With
 * metrics off the composite has no registry below it, so every meter is a no-op.
 */
public final class ServiceMeters implements AutoCloseable {
  /** The JMX domain of chatstream's MBeans. */
  public static final String JMX_DOMAIN = "chatstream";

  private final CompositeMeterRegistry registry = new CompositeMeterRegistry();
  private final PrometheusMeterRegistry prometheus;
  private final List<AutoCloseable> closeables = new ArrayList<>();

  private ServiceMeters(boolean enabled, boolean jmx) {
    if (!enabled) {
      prometheus = null;
      return;
    }
    prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.add(prometheus);
    closeables.add(prometheus::close);
    if (jmx) {
      JmxMeterRegistry jmxRegistry = new JmxMeterRegistry(new JmxConfig() {
        @Override
        public String get(String key) {
          return null;
        }

        @Override
        public String domain() {
          return JMX_DOMAIN;
        }
      }, Clock.SYSTEM, HierarchicalNameMapper.DEFAULT);
      registry.add(jmxRegistry);
      closeables.add(jmxRegistry::close);
    }
    new ClassLoaderMetrics().bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    JvmGcMetrics gc = new JvmGcMetrics();
    gc.bindTo(registry);
    closeables.add(gc);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  /** The registries {@code config} asks for ({@code metrics.enabled}, {@code metrics.jmx.enabled}). */
  public static ServiceMeters of(ChatstreamConfig config) {
    return new ServiceMeters(config.metricsEnabled(), config.metricsJmxEnabled());
  }

  /** No registry: every meter is a no-op and there is nothing to scrape. */
  public static ServiceMeters disabled() {
    return new ServiceMeters(false, false);
  }

  /** The registry meters are registered in. */
  public MeterRegistry registry() {
    return registry;
  }

  /** Binds Kafka Streams' metrics, and those of its consumers, producers and admin client. */
  public void bind(KafkaStreams streams) {
    if (prometheus == null) {
      return;
    }
    KafkaStreamsMetrics kafka = new KafkaStreamsMetrics(streams);
    kafka.bindTo(registry);
    closeables.add(kafka);
  }

  /** Every meter in the Prometheus text format, or empty when metrics are off. */
  public Optional<String> scrape() {
    return prometheus == null ? Optional.empty() : Optional.of(prometheus.scrape());
  }

  @Override
  public void close() {
    for (AutoCloseable closeable : closeables.reversed()) {
      try {
        closeable.close();
      } catch (Exception e) {
        throw new IllegalStateException("closing the meters failed", e);
      }
    }
    registry.close();
  }
}
