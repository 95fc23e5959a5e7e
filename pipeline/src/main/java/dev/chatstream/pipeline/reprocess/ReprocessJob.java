package dev.chatstream.pipeline.reprocess;

import dev.chatstream.pipeline.LlmRegistry;
import dev.chatstream.pipeline.broker.EmbeddedKafka;
import dev.chatstream.pipeline.config.ChatstreamConfig;
import dev.chatstream.pipeline.internals.llm.ProfileProviders;
import dev.chatstream.pipeline.internals.reprocess.ReprocessRun;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Batch reprocessing: replays recorded {@code generate_reply} requests, each on the context as it was
 * when it first ran, against a chosen LLM, into topics of the run's own (never the live ones, never
 * appending to the live input), and compares each replayed reply with the original. Reads the log up
 * to the end offsets taken when the run first started, stops by itself, and resumes when run again
 * with the same run id.
 *
 * <p>Without a cluster in the configuration, the run joins the embedded broker when a service runs
 * one ({@code embedded.broker.host:port}), and otherwise starts it on {@code data.dir} for as long as
 * the run lasts.
 */
public final class ReprocessJob {
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);

  private ReprocessJob() {}

  /** Runs {@code options} against the live topics of {@code config}, on its LLM profiles. */
  public static ReprocessSummary run(ChatstreamConfig config, ReprocessOptions options, ReprocessProgress progress) {
    return withCluster(config, progress, joined -> {
      try (LlmRegistry registry = ProfileProviders.registry(joined.llmProfiles())) {
        return ReprocessRun.run(joined, options, registry, progress);
      }
    });
  }

  /** Runs {@code options} on {@code registry}'s profiles ({@code config} names a cluster). */
  public static ReprocessSummary run(ChatstreamConfig config, ReprocessOptions options, LlmRegistry registry,
      ReprocessProgress progress) {
    return ReprocessRun.run(config, options, registry, progress);
  }

  private interface OnCluster {
    ReprocessSummary run(ChatstreamConfig config);
  }

  private static ReprocessSummary withCluster(ChatstreamConfig config, ReprocessProgress progress, OnCluster run) {
    if (!config.usesEmbeddedBroker()) {
      return run.run(config);
    }
    String address = config.embeddedBrokerHost() + ":" + config.embeddedBrokerPort();
    if (reachable(address)) {
      progress.phase("joining the embedded broker at " + address);
      return run.run(config.withBootstrapServers(address));
    }
    progress.phase("starting the embedded broker on " + config.embeddedBrokerDataDir());
    try (EmbeddedKafka broker = EmbeddedKafka.builder().host(config.embeddedBrokerHost())
        .port(config.embeddedBrokerPort()).dataDir(config.embeddedBrokerDataDir()).start()) {
      return run.run(config.withBootstrapServers(broker.bootstrapServers()));
    }
  }

  private static boolean reachable(String address) {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, address);
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) PROBE_TIMEOUT.toMillis());
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) PROBE_TIMEOUT.toMillis());
    props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200);
    try (Admin admin = Admin.create(props)) {
      admin.describeCluster().clusterId().get(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (ExecutionException | TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
