package dev.chatstream.pipeline.broker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The broker configuration of the embedded single-node cluster. Keys are Kafka's documented broker
 * setting names (stable across releases, unlike the internal classes that hold them as constants).
 */
final class BrokerSettings {

  static final int NODE_ID = 1;
  static final String CLIENT_LISTENER = "PLAINTEXT";
  static final String CONTROLLER_LISTENER = "CONTROLLER";

  private BrokerSettings() {}

  static Map<String, String> of(String host, int clientPort, int controllerPort, Path dataDir,
      Duration startupTimeout, Map<String, String> overrides) {
    Map<String, String> props = new LinkedHashMap<>();
    props.putAll(roleAndListeners(host, clientPort, controllerPort));
    props.putAll(storage(dataDir, startupTimeout));
    props.putAll(singleNode());
    props.putAll(smallMachine());
    props.putAll(overrides);
    return props;
  }

  private static Map<String, String> roleAndListeners(String host, int clientPort, int controllerPort) {
    Map<String, String> props = new LinkedHashMap<>();
    props.put("process.roles", "broker,controller");
    props.put("node.id", Integer.toString(NODE_ID));
    props.put("controller.quorum.voters", NODE_ID + "@" + host + ":" + controllerPort);
    props.put("listeners", CLIENT_LISTENER + "://" + host + ":" + clientPort + ","
        + CONTROLLER_LISTENER + "://" + host + ":" + controllerPort);
    props.put("advertised.listeners", CLIENT_LISTENER + "://" + host + ":" + clientPort);
    props.put("listener.security.protocol.map",
        CLIENT_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
    props.put("controller.listener.names", CONTROLLER_LISTENER);
    props.put("inter.broker.listener.name", CLIENT_LISTENER);
    return props;
  }

  private static Map<String, String> storage(Path dataDir, Duration startupTimeout) {
    return Map.of(
        "log.dirs", dataDir.toString(),
        "metadata.log.dir", dataDir.toString(),
        "server.max.startup.time.ms", Long.toString(startupTimeout.toMillis()));
  }

  /** One replica of everything, so internal topics (offsets, transactions) can be created. */
  private static Map<String, String> singleNode() {
    Map<String, String> props = new LinkedHashMap<>();
    props.put("offsets.topic.replication.factor", "1");
    props.put("offsets.topic.num.partitions", "1");
    props.put("transaction.state.log.replication.factor", "1");
    props.put("transaction.state.log.min.isr", "1");
    props.put("transaction.state.log.num.partitions", "1");
    props.put("share.coordinator.state.topic.replication.factor", "1");
    props.put("share.coordinator.state.topic.min.isr", "1");
    props.put("default.replication.factor", "1");
    props.put("min.insync.replicas", "1");
    props.put("group.initial.rebalance.delay.ms", "0");
    props.put("auto.create.topics.enable", "false");
    return props;
  }

  private static Map<String, String> smallMachine() {
    Map<String, String> props = new LinkedHashMap<>();
    props.put("num.network.threads", "2");
    props.put("num.io.threads", "2");
    props.put("background.threads", "2");
    props.put("num.recovery.threads.per.data.dir", "1");
    props.put("log.cleaner.threads", "1");
    props.put("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024));
    return props;
  }
}
