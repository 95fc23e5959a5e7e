package dev.chatstream.pipeline.cli;

import dev.chatstream.pipeline.ChatstreamRuntime;
import dev.chatstream.pipeline.Topics;
import dev.chatstream.pipeline.config.ChatstreamConfig;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code chatstream run}: the service, with the embedded broker unless a cluster is named. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run the service. Without --bootstrap-servers it starts an embedded Kafka broker "
        + "(localhost:9092, data in ./.chatstream) and creates the topics. Ctrl-C stops it cleanly.")
final class RunCommand implements Callable<Integer> {
  @Mixin
  ConfigOptions options;

  @Option(names = "--provider", description = "Provider of the default LLM profile: openai, openai-responses, "
      + "azure, livekit-inference, anthropic, google, bedrock, mistral, offline.")
  String provider;

  @Option(names = "--base-url", description = "Base URL of the default profile (e.g. http://localhost:11434/v1 for Ollama).")
  String baseUrl;

  @Option(names = "--model", description = "Model of the default profile.")
  String model;

  @Override
  public Integer call() {
    ChatstreamConfig config = options.load(defaultProfileOverrides());
    Console.status(config.usesEmbeddedBroker()
        ? "starting the embedded Kafka broker on " + config.embeddedBrokerHost() + ":" + config.embeddedBrokerPort()
            + " (data in " + config.embeddedBrokerDataDir() + ")"
        : "joining the Kafka cluster at " + config.bootstrapServers().orElseThrow());
    Console.status(config.llmProfiles().describeDefault());
    ChatstreamRuntime runtime = ChatstreamRuntime.start(config);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      Console.status("stopping");
      runtime.close();
      stopped.countDown();
    }, "chatstream-shutdown"));
    runtime.awaitRunning(Duration.ofMinutes(2));
    Console.status("running: application " + config.applicationId() + ", processing.guarantee "
        + config.processingGuarantee() + ", topics " + String.join(", ", Topics.of(runtime.config()).names()));
    runtime.service().httpPort().ifPresent(port -> Console.status("HTTP on port " + port + ": /metrics, "
        + "/health/live, /health/ready, /conversations/{id} (`./chatstream show ID`)"));
    Console.status("send events with `./chatstream produce`, read them with `./chatstream consume --follow`; Ctrl-C stops");
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  private Map<String, String> defaultProfileOverrides() {
    Map<String, String> overrides = new LinkedHashMap<>();
    if (provider != null) {
      overrides.put("llm.default.provider", provider);
    }
    if (baseUrl != null) {
      overrides.put("llm.default.base-url", baseUrl);
    }
    if (model != null) {
      overrides.put("llm.default.model", model);
    }
    return overrides;
  }
}
