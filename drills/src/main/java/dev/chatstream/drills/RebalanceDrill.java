package dev.chatstream.drills;

import dev.chatstream.pipeline.config.ChatstreamConfig;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Rebalance storm: three instances of one application on the drill's broker; while the generations
 * run, the instances are stopped cleanly and started again in turn, so the partitions move at every
 * step (a stop leaves the group at once, a start joins it). Then {@link DeliveryChecks}.
 */
final class RebalanceDrill {
  private final DrillSetting setting;
  private final String guarantee;

  RebalanceDrill(DrillSetting setting, String guarantee) {
    this.setting = setting;
    this.guarantee = guarantee;
  }

  DrillReport run() {
    DrillReport report = new DrillReport("rebalance " + guarantee);
    Path dir = setting.dir("rebalance-" + guarantee);
    int steps = setting.pick(9, 3);
    Workload workload = new Workload("b", setting.pick(125, 20), setting.pick(4, 3), 24);
    DrillApplication app = DrillApplication.of("rebalance-" + dir.getFileName(), guarantee, 200, 100)
        .with(ChatstreamConfig.MAX_INFLIGHT_GENERATIONS_CONFIG, "1000");
    try (DrillBroker broker = DrillBroker.start(dir);
        Instances instances = Instances.joining(app, broker.bootstrapServers(), dir, 3)) {
      instances.startAll();
      try (WorkloadRun run = new WorkloadRun(app, broker.bootstrapServers(), workload)) {
        run.startFeeding(Duration.ofSeconds(setting.pick(90, 25)));
        for (int step = 0; step < steps; step++) {
          int slot = step % instances.size();
          instances.stop(slot);
          Pause.millis(setting.pick(3000, 1500));
          instances.start(slot);
        }
        run.awaitFed(Duration.ofMinutes(10));
        Duration waited = run.awaitOutcomes(Duration.ofMinutes(setting.pick(5, 3)));
        report.figure("guarantee", guarantee);
        report.figure("stops and starts", steps + " (instances " + instances.size() + ")");
        report.figure("instance starts", instances.starts());
        report.figure("generations", workload.generations());
        report.figure("waited after the last start for outcomes", waited.toSeconds() + " s");
        run.check(report, run.contexts(instances.anyHttpPort()));
      }
    }
    report.timed();
    return report;
  }
}
