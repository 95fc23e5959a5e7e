package dev.chatstream.pipeline.broker;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates topics idempotently: a topic that already exists is left as it is (its partition count and
 * settings are not changed), so the same call can run at every start of every instance.
 *
 * <pre>{@code
 * try (TopicAdmin topics = TopicAdmin.connect(bootstrapServers)) {
 *   topics.ensure(List.of(TopicSpec.of("chatstream.conversations", 6, (short) 1)));
 * }
 * }</pre>
 */
public final class TopicAdmin implements AutoCloseable {

  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  private final Admin admin;
  private final boolean ownsAdmin;
  private final Duration timeout;

  private TopicAdmin(Admin admin, boolean ownsAdmin, Duration timeout) {
    this.admin = admin;
    this.ownsAdmin = ownsAdmin;
    this.timeout = timeout;
  }

  /** An admin client for the cluster at {@code bootstrapServers}, closed with this object. */
  public static TopicAdmin connect(String bootstrapServers) {
    return create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
  }

  /** An admin client built from client settings (bootstrap servers, security, ...), closed with this. */
  public static TopicAdmin create(Map<String, Object> adminConfig) {
    return new TopicAdmin(Admin.create(adminConfig), true, DEFAULT_TIMEOUT);
  }

  /** Uses an admin client owned by the caller; {@link #close()} leaves it open. */
  public static TopicAdmin using(Admin admin) {
    return new TopicAdmin(Objects.requireNonNull(admin, "admin"), false, DEFAULT_TIMEOUT);
  }

  /** Creates {@code topic} unless it exists; true when this call created it. */
  public boolean ensure(TopicSpec topic) {
    return ensure(List.of(topic)).contains(topic.name());
  }

  /**
   * Creates every topic of {@code topics} that does not exist yet.
   *
   * @return the names of the topics this call created (the others already existed)
   * @throws KafkaException when the cluster refuses a topic (bad settings, too many replicas) or does not
   *     answer within the timeout
   */
  public Set<String> ensure(Collection<TopicSpec> topics) {
    Map<String, TopicSpec> byName = new LinkedHashMap<>();
    for (TopicSpec topic : topics) {
      TopicSpec previous = byName.putIfAbsent(topic.name(), topic);
      if (previous != null && !previous.equals(topic)) {
        throw new IllegalArgumentException("topic " + topic.name() + " is listed twice, differently");
      }
    }
    CreateTopicsResult result = admin.createTopics(byName.values().stream().map(TopicSpec::toNewTopic).toList());
    Set<String> created = new LinkedHashSet<>();
    result.values().forEach((name, future) -> {
      if (awaitCreation(name, future)) {
        created.add(name);
      }
    });
    return created;
  }

  private boolean awaitCreation(String name, KafkaFuture<Void> future) {
    try {
      future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof TopicExistsException) {
        return false;
      }
      throw new KafkaException("Cannot create topic " + name + ": " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new KafkaException("Creating topic " + name + " did not finish within " + timeout, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaException("Interrupted while creating topic " + name, e);
    }
  }

  /** Closes the admin client when this object created it. */
  @Override
  public void close() {
    if (ownsAdmin) {
      admin.close(timeout);
    }
  }
}
