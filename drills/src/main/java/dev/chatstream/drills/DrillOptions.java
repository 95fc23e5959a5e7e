package dev.chatstream.drills;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every drill takes. */
final class DrillOptions {
  @Option(names = "--quick", description = "The small size CI runs (fewer generations, kills and records).")
  boolean quick;

  @Option(names = "--seed", description = "Seed of the random moments (default: the time).")
  Long seed;

  @Option(names = "--work-dir", description = "Where brokers, instances and logs live (default: ./.chatstream-drills).")
  Path workDir = Path.of(".chatstream-drills");

  DrillSetting setting() {
    return new DrillSetting(quick, seed != null ? seed : System.currentTimeMillis(), workDir.toAbsolutePath());
  }
}
