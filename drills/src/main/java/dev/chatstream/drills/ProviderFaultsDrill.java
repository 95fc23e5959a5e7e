package dev.chatstream.drills;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatstream.events.AvailabilityChanged;
import dev.chatstream.events.LLMError;
import dev.chatstream.events.ReplyCompleted;
import dev.chatstream.pipeline.client.ConversationProducer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Provider faults: one instance whose default profile is an OpenAI-compatible {@link FaultServer}
 * ({@code max_retry} 2, a 1 s attempt timeout, 200 ms between retries), one request per case of
 * every {@link Fault}. The attempts the server counts, the recoverable errors and each request's end
 * must be what the retry rules say. Then a fallback profile over two routes of the server: with the
 * first one down a request fails over to the second and the first is reported unavailable; once it is
 * back, the next request still goes to the second and starts a recovery probe on the first, which
 * answers slowly: the probe brings the first back after that request ended, which is still reported
 * (outside the generation, attempt 0), and the request after that is served by the first.
 */
final class ProviderFaultsDrill {
  static final String KEY_VARIABLE = "DRILL_LLM_API_KEY";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration OUTCOMES = Duration.ofMinutes(2);

  /** What a drill built on this one may look at before everything stops. */
  record Rig(DrillBroker broker, DrillApplication app, FaultServer server, InstanceProcess instance, Path dir) {}

  private final DrillSetting setting;
  private final String name;
  private final String apiKey;
  private final Map<String, String> extraSettings;
  private final List<String> jvmOptions;
  private final Consumer<Rig> beforeStop;

  ProviderFaultsDrill(DrillSetting setting) {
    this(setting, "provider-faults", "sk-drill-" + Long.toHexString(setting.seed()), Map.of(), List.of(), rig -> {});
  }

  ProviderFaultsDrill(DrillSetting setting, String name, String apiKey, Map<String, String> extraSettings,
      List<String> jvmOptions, Consumer<Rig> beforeStop) {
    this.setting = setting;
    this.name = name;
    this.apiKey = apiKey;
    this.extraSettings = extraSettings;
    this.jvmOptions = jvmOptions;
    this.beforeStop = beforeStop;
  }

  DrillReport run() {
    DrillReport report = new DrillReport(name);
    Path dir = setting.dir(name);
    try (DrillBroker broker = DrillBroker.start(dir); FaultServer server = FaultServer.start()) {
      DrillApplication app = application(dir, server);
      Map<String, String> settings = new LinkedHashMap<>(app.instance(broker.bootstrapServers(), dir.resolve("state")));
      settings.putAll(extraSettings);
      try (InstanceProcess instance = InstanceProcess.start("i0", settings, Map.of(KEY_VARIABLE, apiKey), jvmOptions,
          dir.resolve("i0.log")).awaitRunning(Instances.START_TIMEOUT);
          ConversationProducer producer = new ConversationProducer(
              app.clientConfig(broker.bootstrapServers()).clientProperties(), app.topics())) {
        faults(report, app, broker, server, producer);
        fallback(report, app, broker, server, producer);
        beforeStop.accept(new Rig(broker, app, server, instance, dir));
      }
    }
    report.timed();
    return report;
  }

  private static DrillApplication application(Path dir, FaultServer server) {
    DrillApplication app = DrillApplication.of("faults-" + dir.getFileName(), "at_least_once", 0, 0).withoutOfflinePacing();
    app = profile(app, "default", server.baseUrl("main"))
        .with("llm.default.max-retry", "2").with("llm.default.retry-interval-ms", "200").with("llm.default.timeout-ms", "1000");
    app = profile(app, "primary", server.baseUrl("primary"));
    app = profile(app, "secondary", server.baseUrl("secondary"));
    return app.with("llm.fb.provider", "fallback").with("llm.fb.members", "primary,secondary")
        .with("llm.fb.attempt-timeout-ms", "2000").with("llm.fb.retry-interval-ms", "200");
  }

  private static DrillApplication profile(DrillApplication app, String profile, String baseUrl) {
    String prefix = "llm." + profile + ".";
    return app.with(prefix + "provider", "openai").with(prefix + "base-url", baseUrl)
        .with(prefix + "model", "fault-model").with(prefix + "api-key-env", KEY_VARIABLE);
  }

  private void faults(DrillReport report, DrillApplication app, DrillBroker broker, FaultServer server,
      ConversationProducer producer) {
    int perFault = setting.pick(3, 1);
    List<String> cases = new ArrayList<>();
    Map<String, Fault> faultOf = new LinkedHashMap<>();
    for (Fault fault : Fault.values()) {
      for (int i = 0; i < perFault; i++) {
        String id = "f-" + fault.name().toLowerCase().replace('_', '-') + "-" + i;
        cases.add(id);
        faultOf.put(id, fault);
        send(producer, id, "case=" + id + " " + fault.marker() + " please answer", null);
      }
    }
    awaitOutcomes(broker, app, cases);
    OutputEvents outputs = OutputEvents.read(broker.bootstrapServers(), app.topics());
    List<String> wrongAttempts = new ArrayList<>();
    List<String> wrongEnds = new ArrayList<>();
    List<String> wrongErrors = new ArrayList<>();
    int attempts = 0;
    for (String id : cases) {
      Fault fault = faultOf.get(id);
      List<FaultServer.Received> seen = server.of(id);
      attempts += seen.size();
      if (seen.size() != fault.attempts()) {
        wrongAttempts.add(id + ": " + seen.size() + " attempts, the rules say " + fault.attempts());
      }
      boolean replied = outputs.of(ReplyCompleted.class).stream().anyMatch(r -> r.getRequestId().equals(id));
      Optional<LLMError> last = outputs.of(LLMError.class).stream()
          .filter(e -> e.getRequestId().equals(id) && !e.getRecoverable()).findFirst();
      if (replied != fault.replies() || last.isPresent() == fault.replies()) {
        wrongEnds.add(id + (replied ? " replied" : " did not reply") + (last.isPresent() ? " with a final error" : ""));
      }
      long recoverable = outputs.of(LLMError.class).stream().filter(e -> e.getRequestId().equals(id) && e.getRecoverable()).count();
      if (recoverable != fault.attempts() - 1) {
        wrongErrors.add(id + ": " + recoverable + " recoverable errors for " + fault.attempts() + " attempts");
      }
      if (fault == Fault.STATUS_5XX && last.isPresent()
          && !last.get().getError().getMessage().contains("after " + fault.attempts() + " attempts")) {
        wrongErrors.add(id + ": final error reads '" + last.get().getError().getMessage() + "'");
      }
      if (fault == Fault.RATE_LIMITED_ONCE && seen.size() == 2) {
        long gap = Duration.ofNanos(seen.get(1).atNanos() - seen.get(0).atNanos()).toMillis();
        report.figure("429 Retry-After 1 s, retried after (" + id + ")", gap + " ms");
        report.check(gap >= 950, id + ": retried " + gap + " ms after a 429 with Retry-After: 1");
      }
    }
    report.figure("fault cases", cases.size() + " (" + Fault.values().length + " faults x " + perFault + ")");
    report.figure("provider attempts seen by the server", attempts);
    report.zero("cases whose attempts break the retry rules", wrongAttempts.size(), Examples.of(wrongAttempts));
    report.zero("cases that ended otherwise than the rules say", wrongEnds.size(), Examples.of(wrongEnds));
    report.zero("cases with other error events than the rules say", wrongErrors.size(), Examples.of(wrongErrors));
  }

  private static void fallback(DrillReport report, DrillApplication app, DrillBroker broker, FaultServer server,
      ConversationProducer producer) {
    server.down("primary", true);
    send(producer, "fb-1", "case=fb-1 fall over, please", "fb");
    awaitOutcomes(broker, app, List.of("fb-1"));
    server.down("primary", false);
    // the first member is still marked unavailable: fb-2 goes to the second and starts a recovery
    // probe on the first, which answers slowly: the probe confirms the first after fb-2 ended
    server.slow("primary", true);
    send(producer, "fb-2", "case=fb-2 the first member is back", "fb");
    awaitOutcomes(broker, app, List.of("fb-2"));
    List<AvailabilityChanged> changes = awaitAvailable(broker, app);
    server.slow("primary", false);
    send(producer, "fb-3", "case=fb-3 recovered", "fb");
    awaitOutcomes(broker, app, List.of("fb-3"));
    OutputEvents outputs = OutputEvents.read(broker.bootstrapServers(), app.topics());
    List<String> sequence = changes.stream().map(c -> c.getLlm() + (c.getAvailable() ? " up" : " down")).toList();
    report.figure("fallback availability events", sequence);
    report.figure("fallback requests by member", "fb-1 " + routes(server, "fb-1") + ", fb-2 " + routes(server, "fb-2")
        + ", fb-3 " + routes(server, "fb-3"));
    for (String id : List.of("fb-1", "fb-2", "fb-3")) {
      report.check(outputs.of(ReplyCompleted.class).stream().anyMatch(r -> r.getRequestId().equals(id)), id + " got no reply");
    }
    report.check(server.of("fb-1").stream().anyMatch(r -> r.route().equals("secondary")), "fb-1 never reached the second member");
    report.check(!changes.isEmpty() && !changes.get(0).getAvailable(), "no availability event took the first member down");
    report.check(changes.stream().anyMatch(c -> c.getAvailable() && c.getRequestId().equals("fb-2") && c.getAttempt() == 0),
        "the recovery the probe of fb-2 confirmed after fb-2 ended was not published (attempt 0): " + sequence);
    report.check(server.of("fb-3").stream().anyMatch(r -> r.route().equals("primary")), "fb-3 was not served by the recovered first member");
  }

  private static List<AvailabilityChanged> awaitAvailable(DrillBroker broker, DrillApplication app) {
    long deadline = System.nanoTime() + OUTCOMES.toNanos();
    List<AvailabilityChanged> changes = List.of();
    while (System.nanoTime() < deadline) {
      changes = OutputEvents.read(broker.bootstrapServers(), app.topics()).of(AvailabilityChanged.class);
      if (changes.stream().anyMatch(AvailabilityChanged::getAvailable)) {
        break;
      }
      Pause.millis(500);
    }
    // read partition by partition: the events of fb-1 and fb-2 are in their conversations' partitions
    return changes.stream().sorted(Comparator.comparingDouble(AvailabilityChanged::getTimestamp)).toList();
  }

  private static List<String> routes(FaultServer server, String caseId) {
    return server.of(caseId).stream().map(FaultServer.Received::route).toList();
  }

  private static void send(ConversationProducer producer, String id, String text, String llm) {
    ObjectNode message = JSON.createObjectNode().put("type", "message").put("conversation_id", id)
        .put("id", id + "-u").put("role", "user");
    message.putArray("content").add(text);
    producer.sendAndWait(Workload.event(message));
    ObjectNode request = JSON.createObjectNode().put("type", "generate_reply").put("conversation_id", id).put("request_id", id);
    if (llm != null) {
      request.put("llm", llm);
    }
    producer.sendAndWait(Workload.event(request));
  }

  private static void awaitOutcomes(DrillBroker broker, DrillApplication app, List<String> requests) {
    long deadline = System.nanoTime() + OUTCOMES.toNanos();
    while (System.nanoTime() < deadline) {
      OutputEvents outputs = OutputEvents.read(broker.bootstrapServers(), app.topics());
      List<String> ended = new ArrayList<>();
      outputs.of(ReplyCompleted.class).forEach(r -> ended.add(r.getRequestId()));
      outputs.of(LLMError.class).stream().filter(e -> !e.getRecoverable()).forEach(e -> ended.add(e.getRequestId()));
      if (ended.containsAll(requests)) {
        return;
      }
      Pause.millis(500);
    }
  }
}
