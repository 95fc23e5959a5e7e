package dev.chatstream.pipeline.broker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Kafka cluster running in this JVM: one KRaft process that is both broker and
 * controller, for chatstream's default run (no {@code --bootstrap-servers}) and for integration tests.
 *
 * <pre>{@code
 * try (EmbeddedKafka kafka = EmbeddedKafka.builder()
 *     .port(9092)
 *     .dataDir(Path.of(".chatstream/kafka"))
 *     .start()) {
 *   String bootstrap = kafka.bootstrapServers();   // "localhost:9092"
 * }
 * }</pre>
 *
 * <p><b>Why Kafka's server classes and not its test kit.</b> The broker is Kafka's own
 * {@code kafka.server.KafkaRaftServer} (what {@code kafka-server-start.sh} runs), and an unformatted data
 * directory is formatted once with {@code org.apache.kafka.metadata.storage.Formatter} (what
 * {@code kafka-storage.sh format} runs). Kafka's {@code KafkaClusterTestKit} was the other candidate; it
 * does not fit a process users run: it binds every listener to an ephemeral port, formats its storage
 * with a fresh cluster id on every start (so a restart would lose the log), deletes its directory on
 * close, enables unstable feature versions, replaces the fault handlers with test mocks, and brings JUnit
 * onto the runtime classpath.
 *
 * <p><b>Persistence.</b> The data directory holds both the metadata log and the topic logs. The first
 * start formats it (a new cluster id, written to {@code meta.properties}); every later start on the same
 * directory reuses it, so topics, records, committed offsets and transactions survive a restart.
 * {@link #clusterId()} tells which cluster is running. Two brokers cannot share a directory: the first
 * holds a lock file ({@code embedded-broker.lock}) until it is closed, and a second start on the same
 * directory, in this process or another, fails before touching it.
 *
 * <p><b>Listeners.</b> Clients connect to {@code host:port} (plaintext); {@code port(0)} picks a free
 * port, as tests want. The controller listens on a second port (by default a free one chosen at each
 * start; the quorum is static, so the controller port need not stay the same across restarts). A taken
 * client port fails at once with an {@link EmbeddedKafkaException} that names it.
 *
 * <p><b>Settings.</b> Replication factor 1 everywhere (the offsets and transaction state topics
 * included, so transactions and {@code exactly_once_v2} work), no initial rebalance delay for Kafka
 * Streams, few network/io/background threads, a small log cleaner buffer, and automatic topic creation
 * off (chatstream creates its topics with {@link TopicAdmin}). {@link Builder#brokerConfig} overrides any
 * broker setting.
 *
 * <p><b>Failures.</b> As in a standalone broker, a fault Kafka deems fatal (a corrupt metadata log, say)
 * halts the process. Close the broker on shutdown (a JVM shutdown hook) so the next start need not
 * recover its logs.
 */
public final class EmbeddedKafka implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);

  private final KafkaRaftServer server;
  private final DataDirLock lock;
  private final String host;
  private final int port;
  private final Path dataDir;
  private final String clusterId;
  private boolean closed;

  private EmbeddedKafka(KafkaRaftServer server, DataDirLock lock, String host, int port, Path dataDir,
      String clusterId) {
    this.server = server;
    this.lock = lock;
    this.host = host;
    this.port = port;
    this.dataDir = dataDir;
    this.clusterId = clusterId;
  }

  /** Options for a broker on {@code localhost:9092} keeping its data in {@code ./.chatstream/kafka}. */
  public static Builder builder() {
    return new Builder();
  }

  /** The address clients connect to, {@code host:port}. */
  public String bootstrapServers() {
    return host + ":" + port;
  }

  /** The port clients connect to (the chosen one when the builder asked for port 0). */
  public int port() {
    return port;
  }

  /** The directory holding the metadata and topic logs. */
  public Path dataDir() {
    return dataDir;
  }

  /** The id of the cluster stored in {@link #dataDir()}; the same across restarts on that directory. */
  public String clusterId() {
    return clusterId;
  }

  /** Shuts the broker down and waits until it has stopped. Calling it again does nothing. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    server.shutdown();
    server.awaitShutdown();
    lock.close();
    LOG.info("Embedded Kafka broker on {} stopped", bootstrapServers());
  }

  /** Where and how to run the broker; {@link #start()} runs it. */
  public static final class Builder {
    private String host = "localhost";
    private int port = 9092;
    private int controllerPort;
    private Path dataDir = Path.of(".chatstream", "kafka");
    private Duration startupTimeout = Duration.ofMinutes(1);
    private final Map<String, String> brokerConfig = new LinkedHashMap<>();

    private Builder() {}

    /** The host name clients use and the listeners bind to; {@code localhost} by default. */
    public Builder host(String listenerHost) {
      this.host = Objects.requireNonNull(listenerHost, "host");
      return this;
    }

    /** The client port; {@code 9092} by default, {@code 0} for a free one. */
    public Builder port(int clientPort) {
      this.port = checkPort(clientPort);
      return this;
    }

    /** The controller port; {@code 0} (the default) picks a free one at each start. */
    public Builder controllerPort(int port) {
      this.controllerPort = checkPort(port);
      return this;
    }

    /** The data directory, created when missing; {@code ./.chatstream/kafka} by default. */
    public Builder dataDir(Path directory) {
      this.dataDir = Objects.requireNonNull(directory, "dataDir");
      return this;
    }

    /** How long {@link #start()} waits for the broker to be ready; one minute by default. */
    public Builder startupTimeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("startup timeout must be positive, was " + timeout);
      }
      this.startupTimeout = timeout;
      return this;
    }

    /** Sets one broker setting (for example {@code log.retention.hours}), overriding the defaults. */
    public Builder brokerConfig(String key, String value) {
      brokerConfig.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * Formats the data directory when it is new, starts the broker and returns once it accepts clients.
     *
     * @throws EmbeddedKafkaException when the port is taken, the directory cannot be used, or the broker
     *     does not start within the startup timeout
     */
    public EmbeddedKafka start() {
      long startNanos = System.nanoTime();
      Path dir = dataDir.toAbsolutePath().normalize();
      int clientPort = Ports.claim(host, port);
      DataDirLock lock = DataDirLock.acquire(dir);
      try {
        int quorumPort = Ports.claim(host, controllerPort);
        KafkaConfig config =
            parse(BrokerSettings.of(host, clientPort, quorumPort, dir, startupTimeout, brokerConfig));
        String clusterId = BrokerStorage.formatIfNeeded(dir);
        KafkaRaftServer server = startServer(config, dir, clientPort);
        EmbeddedKafka kafka = new EmbeddedKafka(server, lock, host, clientPort, dir, clusterId);
        LOG.info("Embedded Kafka broker on {} (cluster {}, data in {}) started in {} ms",
            kafka.bootstrapServers(), clusterId, dir, (System.nanoTime() - startNanos) / 1_000_000);
        return kafka;
      } catch (RuntimeException e) {
        lock.close();
        throw e;
      }
    }

    private KafkaRaftServer startServer(KafkaConfig config, Path dir, int clientPort) {
      KafkaRaftServer server;
      try {
        server = new KafkaRaftServer(config, Time.SYSTEM);
      } catch (RuntimeException e) {
        throw failure(dir, clientPort, e);
      }
      try {
        server.startup();
        return server;
      } catch (RuntimeException e) {
        server.shutdown();
        server.awaitShutdown();
        throw failure(dir, clientPort, e);
      }
    }

    private EmbeddedKafkaException failure(Path dir, int clientPort, RuntimeException cause) {
      return new EmbeddedKafkaException("The embedded Kafka broker on " + host + ":" + clientPort
          + " (data in " + dir + ") failed to start: " + cause.getMessage(), cause);
    }

    private static KafkaConfig parse(Map<String, String> props) {
      try {
        return new KafkaConfig(props, false);
      } catch (RuntimeException e) {
        throw new EmbeddedKafkaException("Invalid embedded broker setting: " + e.getMessage(), e);
      }
    }

    private static int checkPort(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be within 0..65535, was " + port);
      }
      return port;
    }
  }
}
