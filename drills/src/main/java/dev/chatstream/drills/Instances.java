package dev.chatstream.drills;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The instances of a drill, each a slot that can be started, killed and started again on the same
 * directories: slot {@code i} is started by {@code starter.apply(i)}, which names its log and state.
 */
final class Instances implements AutoCloseable {
  static final Duration START_TIMEOUT = Duration.ofMinutes(3);

  private final Function<Integer, InstanceProcess> starter;
  private final InstanceProcess[] running;
  private int starts;

  Instances(int slots, Function<Integer, InstanceProcess> starter) {
    this.starter = starter;
    this.running = new InstanceProcess[slots];
  }

  /** Slots of {@code app} joining {@code bootstrapServers}, named {@code i0, i1, ...}, state and logs under {@code dir}. */
  static Instances joining(DrillApplication app, String bootstrapServers, Path dir, int slots) {
    return new Instances(slots, slot -> InstanceProcess.start("i" + slot,
        app.instance(bootstrapServers, dir.resolve("i" + slot + "-state")), Map.of(), List.of(),
        dir.resolve("i" + slot + ".log")));
  }

  int size() {
    return running.length;
  }

  /** Starts slot {@code i} and waits until it runs. */
  void start(int i) {
    running[i] = starter.apply(i);
    starts++;
    running[i].awaitRunning(START_TIMEOUT);
  }

  /** Starts every slot, one after the other. */
  void startAll() {
    for (int i = 0; i < running.length; i++) {
      start(i);
    }
  }

  boolean isRunning(int i) {
    return running[i] != null && running[i].isAlive();
  }

  /** {@code kill -9} of slot {@code i}. */
  void kill(int i) {
    running[i].kill();
    running[i] = null;
  }

  /** A clean stop of slot {@code i}. */
  void stop(int i) {
    running[i].stop();
    running[i] = null;
  }

  /** How many times an instance was started. */
  int starts() {
    return starts;
  }

  /** The HTTP port of a running instance. */
  int anyHttpPort() {
    for (InstanceProcess instance : running) {
      if (instance != null && instance.isAlive() && instance.httpPort().isPresent()) {
        return instance.httpPort().get();
      }
    }
    throw new IllegalStateException("no instance runs");
  }

  /** The running instances. */
  List<InstanceProcess> running() {
    List<InstanceProcess> list = new ArrayList<>();
    for (InstanceProcess instance : running) {
      if (instance != null) {
        list.add(instance);
      }
    }
    return list;
  }

  /** Stops every running slot, the last slot first (slot 0 may hold the broker). */
  @Override
  public void close() {
    for (int i = running.length - 1; i >= 0; i--) {
      if (running[i] != null) {
        running[i].close();
        running[i] = null;
      }
    }
  }
}
