package dev.chatstream.drills;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatstream.pipeline.client.ConversationProducer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * State wiped: an instance answers a few turns of many conversations and stops; a new instance
 * starts on an empty state directory, so it restores every store from the changelog, and answers
 * one more turn of each. What its requests carry to the provider (a {@link FaultServer} that keeps
 * the request bodies) must be each whole conversation: every earlier user message and reply once,
 * in order, then the new message.
 */
final class StateWipedDrill {
  private final DrillSetting setting;

  StateWipedDrill(DrillSetting setting) {
    this.setting = setting;
  }

  DrillReport run() {
    DrillReport report = new DrillReport("state-wiped");
    Path dir = setting.dir("state-wiped");
    int turnsBefore = setting.pick(3, 2);
    Workload workload = new Workload("w", setting.pick(200, 40), turnsBefore + 1, 6);
    try (DrillBroker broker = DrillBroker.start(dir); FaultServer server = FaultServer.start()) {
      DrillApplication app = DrillApplication.of("wiped-" + dir.getFileName(), "exactly_once_v2", 0, 0).withoutOfflinePacing()
          .with("llm.default.provider", "openai").with("llm.default.base-url", server.baseUrl("main"))
          .with("llm.default.model", "recorder").with("llm.default.api-key", "sk-drill-recorder")
          .with("llm.default.max-retry", "0");
      Instances instances = new Instances(2, slot -> InstanceProcess.start("i" + slot,
          app.instance(broker.bootstrapServers(), dir.resolve("state-" + slot)), Map.of(), List.of(),
          dir.resolve("i" + slot + ".log")));
      try (instances; WorkloadRun run = new WorkloadRun(app, broker.bootstrapServers(), workload);
          ConversationProducer producer = new ConversationProducer(
              app.clientConfig(broker.bootstrapServers()).clientProperties(), app.topics())) {
        instances.start(0);
        for (int turn = 0; turn < turnsBefore; turn++) {
          for (int c = 0; c < workload.conversationIds().size(); c++) {
            workload.sendTurn(producer, c, turn);
          }
          run.awaitOutcomes(Duration.ofMinutes(3));
        }
        instances.stop(0);
        instances.start(1);
        for (int c = 0; c < workload.conversationIds().size(); c++) {
          workload.sendTurn(producer, c, turnsBefore);
        }
        run.awaitOutcomes(Duration.ofMinutes(3));
        report.figure("conversations", workload.conversationIds().size());
        report.figure("turns before the wipe", turnsBefore);
        report.figure("items restored from the changelog", workload.conversationIds().size() * turnsBefore * 2);
        checkLastRequests(report, workload, server, turnsBefore);
        run.check(report, run.contexts(instances.anyHttpPort()));
      }
    }
    report.timed();
    return report;
  }

  private static void checkLastRequests(DrillReport report, Workload workload, FaultServer server, int turnsBefore) {
    List<String> wrong = new ArrayList<>();
    for (int c = 0; c < workload.conversationIds().size(); c++) {
      String expected = expectedMessages(workload, c, turnsBefore);
      String userText = workload.userText(c, turnsBefore);
      List<FaultServer.Received> last = server.received().stream()
          .filter(r -> lastUser(r.body()).equals(userText)).toList();
      if (last.size() != 1) {
        wrong.add(workload.conversation(c) + ": " + last.size() + " requests of its last turn");
      } else if (!messages(last.get(0).body()).equals(expected)) {
        wrong.add(workload.conversation(c) + ": sent " + messages(last.get(0).body()));
      }
    }
    report.zero("requests after the wipe not built from the whole conversation", wrong.size(), Examples.of(wrong));
  }

  private static String expectedMessages(Workload workload, int c, int turnsBefore) {
    List<String> messages = new ArrayList<>();
    for (int turn = 0; turn < turnsBefore; turn++) {
      messages.add("user: " + workload.userText(c, turn));
      messages.add("assistant: " + FaultServer.REPLY);
    }
    messages.add("user: " + workload.userText(c, turnsBefore));
    return String.join(" | ", messages);
  }

  private static String messages(JsonNode body) {
    List<String> messages = new ArrayList<>();
    for (JsonNode message : body.path("messages")) {
      messages.add(message.path("role").asText() + ": " + message.path("content").asText());
    }
    return String.join(" | ", messages);
  }

  private static String lastUser(JsonNode body) {
    String last = "";
    for (JsonNode message : body.path("messages")) {
      if ("user".equals(message.path("role").asText())) {
        last = message.path("content").asText();
      }
    }
    return last;
  }
}
