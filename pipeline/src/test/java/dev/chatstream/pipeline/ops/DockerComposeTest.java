package dev.chatstream.pipeline.ops;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatstream.pipeline.config.ChatstreamConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.Uuid;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * {@code docker-compose.yml} checked without a Docker engine: parsed as YAML (anchors and merge keys
 * resolved), every service has an image, ports are mapped once, dependencies and volumes exist, the
 * three KRaft brokers form one quorum with replication factor 3 and {@code min.insync.replicas} 2,
 * the two chatstream instances share one application under {@code exactly_once_v2} and every
 * {@code CHATSTREAM_*} variable they get names a declared setting and loads, Prometheus scrapes both
 * instances' {@code /metrics}, and Grafana's provisioning finds the dashboard.
 */
class DockerComposeTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern DEFAULTED = Pattern.compile("\\$\\{([A-Z0-9_]+)(:-([^}]*))?}");
  private static final List<String> BROKERS = List.of("kafka-1", "kafka-2", "kafka-3");
  private static final List<String> INSTANCES = List.of("chatstream-1", "chatstream-2");

  private static JsonNode services;
  private static JsonNode compose;

  @BeforeAll
  static void parse() throws IOException {
    compose = yaml(ROOT.resolve("docker-compose.yml"));
    services = compose.get("services");
  }

  @Test
  void everyServiceHasAnImageAndHostPortsAreMappedOnce() {
    Set<String> hostPorts = new HashSet<>();
    services.properties().forEach(service -> {
      JsonNode definition = service.getValue();
      assertTrue(definition.hasNonNull("image") && definition.get("image").asText().matches("[a-z0-9./_-]+:[A-Za-z0-9._-]+"),
          service.getKey() + " names an image with a tag");
      for (JsonNode port : definition.path("ports")) {
        String hostPort = port.asText().split(":")[0];
        assertTrue(hostPorts.add(hostPort), "host port " + hostPort + " is mapped twice");
      }
    });
    assertEquals(Set.of("kafka-1", "kafka-2", "kafka-3", "chatstream-1", "chatstream-2", "prometheus", "grafana",
        "ollama", "ollama-pull"), names(services));
  }

  @Test
  void dependenciesAndVolumesExist() {
    Set<String> declaredVolumes = names(compose.get("volumes"));
    services.properties().forEach(service -> {
      JsonNode dependsOn = service.getValue().path("depends_on");
      List<String> targets = new ArrayList<>();
      if (dependsOn.isArray()) {
        dependsOn.forEach(target -> targets.add(target.asText()));
      } else {
        targets.addAll(names(dependsOn));
      }
      targets.forEach(target -> assertTrue(services.has(target), service.getKey() + " depends on " + target));
      for (JsonNode volume : service.getValue().path("volumes")) {
        String source = volume.asText().split(":")[0];
        if (source.startsWith("./")) {
          Path path = ROOT.resolve(source.substring(2)).normalize();
          if (!path.startsWith(ROOT.resolve("pipeline/target"))) {
            assertTrue(Files.exists(path), service.getKey() + " mounts " + source + ", which is missing");
          }
        } else {
          assertTrue(declaredVolumes.contains(source), service.getKey() + " uses undeclared volume " + source);
        }
      }
    });
    for (String instance : INSTANCES) {
      assertTrue(volumes(instance).contains("./pipeline/target/chatstream.jar:/app/chatstream.jar:ro"),
          "the service jar the build writes (maven-shade-plugin's outputFile)");
      for (String broker : BROKERS) {
        assertEquals("service_healthy", services.at("/" + instance + "/depends_on/" + broker + "/condition").asText());
      }
    }
    assertEquals(Set.of("ollama"), profilesOf("ollama"));
    assertEquals(Set.of("ollama"), profilesOf("ollama-pull"));
    assertTrue(profilesOf("kafka-1").isEmpty() && profilesOf("chatstream-1").isEmpty(), "the core runs without profiles");
  }

  @Test
  void threeKraftBrokersFormOneReplicatedQuorum() {
    Set<String> nodeIds = new TreeSet<>();
    Set<String> clusterIds = new HashSet<>();
    List<String> voters = new ArrayList<>();
    for (String broker : BROKERS) {
      Map<String, String> env = environment(broker);
      nodeIds.add(env.get("KAFKA_NODE_ID"));
      clusterIds.add(env.get("CLUSTER_ID"));
      voters.add(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS"));
      assertEquals("broker,controller", env.get("KAFKA_PROCESS_ROLES"));
      assertEquals(broker, services.at("/" + broker + "/hostname").asText());
      assertEquals("3", env.get("KAFKA_DEFAULT_REPLICATION_FACTOR"));
      assertEquals("2", env.get("KAFKA_MIN_INSYNC_REPLICAS"));
      assertEquals("3", env.get("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR"));
      assertEquals("3", env.get("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR"));
      assertEquals("2", env.get("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR"));
      assertEquals("false", env.get("KAFKA_AUTO_CREATE_TOPICS_ENABLE"));
      Map<String, String> listeners = listeners(env.get("KAFKA_LISTENERS"));
      Map<String, String> advertised = listeners(env.get("KAFKA_ADVERTISED_LISTENERS"));
      assertEquals(broker + ":29092", advertised.get("INTERNAL"), "other containers reach " + broker + " by name");
      assertEquals(":29092", listeners.get("INTERNAL"));
      assertEquals(":9093", listeners.get("CONTROLLER"));
      String external = listeners.get("EXTERNAL").substring(1);
      assertEquals("localhost:" + external, advertised.get("EXTERNAL"));
      assertEquals(List.of(external + ":" + external), texts(services.at("/" + broker + "/ports")),
          "the external listener is published on the same port");
      assertTrue(volumes(broker).stream().anyMatch(v -> v.endsWith(":" + env.get("KAFKA_LOG_DIRS"))),
          "the log directory is on a volume");
    }
    assertEquals(Set.of("1", "2", "3"), nodeIds);
    assertEquals(1, clusterIds.size(), "one cluster");
    assertDoesNotThrow(() -> Uuid.fromString(clusterIds.iterator().next()), "CLUSTER_ID is a Kafka Uuid");
    assertEquals(1, new HashSet<>(voters).size());
    assertEquals("1@kafka-1:9093,2@kafka-2:9093,3@kafka-3:9093", voters.get(0));
  }

  @Test
  void twoChatstreamInstancesShareOneExactlyOnceApplication() {
    Set<String> advertisedHosts = new HashSet<>();
    for (String instance : INSTANCES) {
      Map<String, String> env = environment(instance);
      List<String> command = texts(services.at("/" + instance + "/command"));
      assertEquals("run", command.get(command.indexOf("-jar") + 2));
      assertEquals("kafka-1:29092,kafka-2:29092,kafka-3:29092", command.get(command.indexOf("--bootstrap-servers") + 1));
      ChatstreamConfig config = load(env, command.get(command.indexOf("--bootstrap-servers") + 1));
      assertEquals("chatstream", config.applicationId());
      assertTrue(config.exactlyOnce());
      assertEquals(3, config.topicReplicationFactor());
      assertTrue(config.topicPartitions() >= INSTANCES.size(), "every instance gets partitions");
      assertTrue(config.httpEnabled() && config.metricsEnabled());
      assertEquals("0.0.0.0", config.httpHost());
      assertEquals(instance, config.httpAdvertisedHost().orElseThrow(), "application.server names this container");
      assertEquals(instance, services.at("/" + instance + "/hostname").asText());
      assertTrue(advertisedHosts.add(config.httpAdvertisedHost().get()));
      assertEquals(List.of(texts(services.at("/" + instance + "/ports")).get(0).split(":")[0] + ":" + config.httpPort()),
          texts(services.at("/" + instance + "/ports")), "the HTTP port is published");
      assertEquals("http://ollama:11434/v1", config.llmProfiles().find("local").orElseThrow().baseUrl().orElseThrow(),
          "the Ollama profile");
    }
  }

  @Test
  void everyChatstreamVariableNamesADeclaredSetting() {
    Set<String> declared = new HashSet<>();
    ChatstreamConfig.configDef().names().forEach(key -> declared.add(variableOf(key)));
    for (String instance : INSTANCES) {
      for (String variable : environment(instance).keySet()) {
        if (!variable.startsWith("CHATSTREAM_")) {
          continue;
        }
        assertTrue(declared.contains(variable) || variable.startsWith("CHATSTREAM_LLM_")
            || variable.startsWith("CHATSTREAM_KAFKA_"), instance + ": " + variable + " is no chatstream setting");
      }
      assertTrue(environment(instance).containsKey("CHATSTREAM_HTTP_ADVERTISED_HOST"));
    }
  }

  @Test
  void prometheusScrapesBothInstancesAndGrafanaFindsTheDashboard() throws IOException {
    assertEquals(List.of("./ops/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro"), volumes("prometheus"));
    JsonNode prometheus = yaml(ROOT.resolve("ops/prometheus/prometheus.yml"));
    JsonNode job = prometheus.at("/scrape_configs/0");
    assertEquals("/metrics", job.get("metrics_path").asText());
    List<String> expected = INSTANCES.stream().map(i -> i + ":" + environment(i).get("CHATSTREAM_HTTP_PORT")).toList();
    assertEquals(expected, texts(job.at("/static_configs/0/targets")));

    JsonNode datasource = yaml(ROOT.resolve("ops/grafana/provisioning/datasources/prometheus.yml"))
        .at("/datasources/0");
    assertEquals("http://prometheus:9090", datasource.get("url").asText());
    assertTrue(texts(services.at("/prometheus/ports")).contains("9090:9090"));
    JsonNode provider = yaml(ROOT.resolve("ops/grafana/provisioning/dashboards/chatstream.yml"))
        .at("/providers/0");
    String dashboards = provider.at("/options/path").asText();
    assertTrue(volumes("grafana").contains("./ops/grafana/dashboards:" + dashboards + ":ro"));
    JsonNode dashboard = JSON.readTree(ROOT.resolve("ops/grafana/dashboards/chatstream.json").toFile());
    assertFalse(dashboard.get("panels").isEmpty());
    for (JsonNode panel : dashboard.get("panels")) {
      assertEquals(datasource.get("uid").asText(), panel.at("/datasource/uid").asText(), panel.get("title").asText());
      assertFalse(panel.get("targets").isEmpty());
    }
  }

  /** A YAML file as a JSON tree, its anchors, aliases and merge keys resolved as compose resolves them. */
  private static JsonNode yaml(Path file) throws IOException {
    try (Reader reader = Files.newBufferedReader(file)) {
      Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
      return JSON.valueToTree(document);
    }
  }

  private static ChatstreamConfig load(Map<String, String> env, String bootstrapServers) {
    return ChatstreamConfig.sources().environment(env)
        .override(ChatstreamConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers).load();
  }

  /** The service's environment, with {@code ${NAME:-default}} read as its default. */
  private static Map<String, String> environment(String service) {
    Map<String, String> env = new LinkedHashMap<>();
    services.at("/" + service + "/environment").properties().forEach(entry -> {
      Matcher reference = DEFAULTED.matcher(entry.getValue().asText());
      env.put(entry.getKey(), reference.replaceAll(match -> Matcher.quoteReplacement(
          match.group(3) == null ? "" : match.group(3))));
    });
    return env;
  }

  private static Map<String, String> listeners(String listeners) {
    Map<String, String> byName = new LinkedHashMap<>();
    for (String listener : listeners.split(",")) {
      String[] parts = listener.split("://");
      byName.put(parts[0], parts[1]);
    }
    return byName;
  }

  private static List<String> volumes(String service) {
    return texts(services.at("/" + service + "/volumes"));
  }

  private static Set<String> profilesOf(String service) {
    return new HashSet<>(texts(services.at("/" + service + "/profiles")));
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }

  private static Set<String> names(JsonNode object) {
    Set<String> names = new HashSet<>();
    object.properties().forEach(entry -> names.add(entry.getKey()));
    return names;
  }

  private static String variableOf(String key) {
    return "CHATSTREAM_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }
}
