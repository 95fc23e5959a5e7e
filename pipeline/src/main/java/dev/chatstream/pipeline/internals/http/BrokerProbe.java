package dev.chatstream.pipeline.internals.http;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/** Whether the Kafka cluster answers: a cluster description within a short timeout. */
final class BrokerProbe implements AutoCloseable {
  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  private final Admin admin;

  BrokerProbe(Properties clientProperties) {
    Properties props = new Properties();
    props.putAll(clientProperties);
    props.putAll(Map.of(AdminClientConfig.CLIENT_ID_CONFIG, "chatstream-health",
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis(),
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis()));
    this.admin = Admin.create(props);
  }

  /** Null when a broker answered, else why not. */
  String problem() {
    try {
      admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()))
          .clusterId().get(TIMEOUT.toMillis() + 500, TimeUnit.MILLISECONDS);
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    } catch (ExecutionException e) {
      return "no broker answered: " + e.getCause().getClass().getSimpleName();
    } catch (TimeoutException e) {
      return "no broker answered within " + TIMEOUT.toMillis() + " ms";
    }
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(5));
  }
}
