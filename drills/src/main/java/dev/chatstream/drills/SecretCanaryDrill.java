package dev.chatstream.drills;

import dev.chatstream.pipeline.config.ChatstreamConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Secret canaries: the provider-faults drill run with a unique API key, which the {@link FaultServer}
 * echoes back in its error bodies and SSE error events, and a unique password in
 * {@code kafka.sasl.jaas.config}, with the instance's Kafka clients logging their configuration.
 * Neither may appear in any record of any topic (internal ones included), in the instance's log
 * (exception traces included), or in any file of the broker's and the instance's data directories;
 * the configuration the clients print must show the JAAS setting masked.
 */
final class SecretCanaryDrill {
  private static final String JAAS = "kafka.sasl.jaas.config";
  /** A schema registry's credentials (Confluent's and Apicurio's serdes read {@code basic.auth.user.info}). */
  private static final String REGISTRY_USER_INFO = "kafka.basic.auth.user.info";

  private final DrillSetting setting;

  SecretCanaryDrill(DrillSetting setting) {
    this.setting = setting;
  }

  DrillReport run() {
    String apiKey = "sk-canary-" + UUID.randomUUID().toString().replace("-", "");
    String kafkaSecret = "kafka-canary-" + UUID.randomUUID().toString().replace("-", "");
    Path logback = logbackWithKafkaConfigs();
    DrillReport[] scan = new DrillReport[1];
    Map<String, String> extra = Map.of(JAAS,
        "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"drill\" password=\"" + kafkaSecret + "\";",
        REGISTRY_USER_INFO, "drill:" + kafkaSecret);
    DrillReport faults = new ProviderFaultsDrill(setting, "secrets", apiKey, extra,
        List.of("-Dlogback.configurationFile=" + logback), rig -> scan[0] = scan(rig, apiKey, kafkaSecret)).run();
    DrillReport report = scan[0] != null ? scan[0] : new DrillReport("secrets").check(false, "the scan never ran");
    checkDescription(report, extra, apiKey, kafkaSecret);
    report.figure("provider-fault checks under the canary key", faults.passed() ? "all held" : faults.failures());
    return report;
  }

  private static DrillReport scan(ProviderFaultsDrill.Rig rig, String apiKey, String kafkaSecret) {
    DrillReport report = new DrillReport("secrets");
    CanaryScan canaries = new CanaryScan(List.of(apiKey, kafkaSecret));
    report.check(rig.server().bearers().contains(apiKey), "the fault server never saw the canary key: the drill tested nothing");
    Set<String> topics = CanaryScan.topics(rig.broker().bootstrapServers());
    long[] records = {0};
    List<String> inTopics = canaries.inTopics(rig.broker().bootstrapServers(), topics, records);
    report.figure("topics scanned", topics.size() + " (" + records[0] + " records, internal topics and aborted records included)");
    report.zero("records holding a canary", inTopics.size(), Examples.of(inTopics));
    String log = rig.instance().output();
    long traces = log.lines().filter(line -> line.startsWith("\tat ")).count();
    report.figure("instance log", log.length() + " characters, " + traces + " stack trace lines");
    report.zero("canaries in the instance log", canaries.holds(log.getBytes(StandardCharsets.UTF_8)) ? 1 : 0, "");
    report.check(log.contains("sasl.jaas.config = [hidden]"),
        "the Kafka clients' configuration was not printed with sasl.jaas.config = [hidden]");
    long[] files = {0};
    List<String> inFiles = canaries.inFiles(rig.dir(), files);
    inFiles.removeIf(file -> file.endsWith(".log") && file.startsWith("i0"));
    report.figure("data files scanned", files[0]);
    report.zero("data files holding a canary", inFiles.size(), Examples.of(inFiles));
    return report;
  }

  /** Where chatstream prints its configuration ({@code ChatstreamConfig.describe()}, its {@code toString()}). */
  private static void checkDescription(DrillReport report, Map<String, String> extra, String apiKey, String kafkaSecret) {
    Map<String, String> settings = new java.util.LinkedHashMap<>(extra);
    settings.put("llm.direct.provider", "openai");
    settings.put("llm.direct.api-key", apiKey);
    settings.put("bootstrap.servers", "localhost:9");
    String described = ChatstreamConfig.of(settings).describe();
    CanaryScan canaries = new CanaryScan(List.of(apiKey, kafkaSecret));
    List<String> shown = described.lines().filter(line -> canaries.holds(line.getBytes(StandardCharsets.UTF_8)))
        .map(String::strip).toList();
    report.zero("printed configuration lines showing a secret", shown.size(), Examples.of(shown));
    report.check(described.contains(JAAS + " = [hidden]"), "the printed configuration does not hide " + JAAS);
  }

  /** pipeline's logback.xml with Kafka's clients at INFO, so they print their configuration. */
  private Path logbackWithKafkaConfigs() {
    try {
      Path file = setting.dir("secrets-logback").resolve("logback.xml");
      Files.writeString(file, """
          <configuration>
            <appender name="STDERR" class="ch.qos.logback.core.ConsoleAppender">
              <target>System.err</target>
              <encoder><pattern>%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n</pattern></encoder>
            </appender>
            <logger name="org.apache.kafka" level="WARN"/>
            <logger name="org.apache.kafka.common.config.AbstractConfig" level="INFO"/>
            <root level="INFO"><appender-ref ref="STDERR"/></root>
          </configuration>
          """);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
