package dev.chatstream.drills;

import dev.chatstream.pipeline.config.ChatstreamConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Process crashes: two instances of one application on one broker, the first holding the embedded
 * broker itself; while paced offline generations stream, one of them is killed with {@code kill -9}
 * at a random moment and started again on its directories, {@code kills} times. Every third kill is
 * the process holding the broker, which restarts on its data directory. Then {@link DeliveryChecks}.
 */
final class CrashDrill {
  private final DrillSetting setting;
  private final String guarantee;

  CrashDrill(DrillSetting setting, String guarantee) {
    this.setting = setting;
    this.guarantee = guarantee;
  }

  DrillReport run() {
    DrillReport report = new DrillReport("crash " + guarantee);
    Path dir = setting.dir("crash-" + guarantee);
    Random random = setting.random();
    int kills = setting.pick(10, 3);
    Workload workload = new Workload("k", setting.pick(100, 20), setting.pick(4, 3), 24);
    DrillApplication app = DrillApplication.of("crash-" + dir.getFileName(), guarantee, 200, 100)
        .with(ChatstreamConfig.MAX_INFLIGHT_GENERATIONS_CONFIG, "1000");
    int brokerPort = DrillSetting.freePort();
    String bootstrap = "localhost:" + brokerPort;
    Instances instances = new Instances(2, slot -> InstanceProcess.start("i" + slot, slot == 0
        ? app.brokerInstance(brokerPort, dir.resolve("i0-data"))
        : app.instance(bootstrap, dir.resolve("i1-state")), Map.of(), List.of(), dir.resolve("i" + slot + ".log")));
    try (instances) {
      instances.startAll();
      try (WorkloadRun run = new WorkloadRun(app, bootstrap, workload)) {
        run.startFeeding(Duration.ofSeconds(setting.pick(120, 30)));
        int brokerKills = 0;
        for (int kill = 0; kill < kills; kill++) {
          Pause.millis(setting.pick(3000, 2000) + random.nextInt(setting.pick(5000, 3000)));
          int victim = kill % 3 == 2 ? 0 : 1;
          brokerKills += victim == 0 ? 1 : 0;
          instances.kill(victim);
          instances.start(victim);
        }
        run.awaitFed(Duration.ofMinutes(10));
        Duration waited = run.awaitOutcomes(Duration.ofMinutes(setting.pick(5, 3)));
        report.figure("guarantee", guarantee);
        report.figure("kill -9", kills + " (" + brokerKills + " of the process holding the broker)");
        report.figure("instance starts", instances.starts());
        report.figure("generations", workload.generations());
        report.figure("waited after the last kill for outcomes", waited.toSeconds() + " s");
        run.check(report, run.contexts(instances.anyHttpPort()));
      }
    }
    report.timed();
    return report;
  }
}
