package dev.chatstream.llm.offline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A scheduler on virtual time: nothing runs until the test advances the clock, and then due tasks run
 * on the test's thread in time order (ties in submission order). Periodic scheduling is not offered.
 */
final class VirtualTimeScheduler extends AbstractExecutorService implements ScheduledExecutorService {
  private final PriorityQueue<Task<?>> queue = new PriorityQueue<>();
  private long nowNanos;
  private long sequence;
  private boolean shutdown;

  /** Runs every task due within {@code duration} from now, then sets the clock to now + duration. */
  void advanceBy(Duration duration) {
    long target;
    synchronized (this) {
      target = nowNanos + duration.toNanos();
    }
    while (runNextDueBy(target)) {
      // keep running due tasks; each may schedule more
    }
    synchronized (this) {
      nowNanos = target;
    }
  }

  /** Runs the earliest task, moving the clock to its time; false when none is queued. */
  boolean runNext() {
    return runNextDueBy(Long.MAX_VALUE);
  }

  /** Runs tasks until none is queued. */
  void runUntilIdle() {
    while (runNext()) {
      // each task may schedule the next one
    }
  }

  /** Tasks waiting to run, cancelled ones excluded. */
  synchronized int queuedTasks() {
    return (int) queue.stream().filter(task -> !task.isCancelled()).count();
  }

  /** Virtual time elapsed since the start. */
  synchronized Duration now() {
    return Duration.ofNanos(nowNanos);
  }

  private boolean runNextDueBy(long target) {
    Task<?> task;
    synchronized (this) {
      task = queue.peek();
      if (task == null || task.time > target) {
        return false;
      }
      queue.poll();
      nowNanos = Math.max(nowNanos, task.time);
    }
    task.run();
    task.rethrowFailure();
    return true;
  }

  @Override
  public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    return enqueue(Executors.callable(command, null), unit.toNanos(delay));
  }

  @Override
  public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
    return enqueue(callable, unit.toNanos(delay));
  }

  @Override
  public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
    throw new UnsupportedOperationException("periodic tasks are not offered by the virtual-time scheduler");
  }

  @Override
  public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
    throw new UnsupportedOperationException("periodic tasks are not offered by the virtual-time scheduler");
  }

  @Override
  public void execute(Runnable command) {
    schedule(command, 0, TimeUnit.NANOSECONDS);
  }

  @Override
  public synchronized void shutdown() {
    shutdown = true;
  }

  @Override
  public synchronized List<Runnable> shutdownNow() {
    shutdown = true;
    List<Runnable> dropped = new ArrayList<>(queue);
    queue.clear();
    return dropped;
  }

  @Override
  public synchronized boolean isShutdown() {
    return shutdown;
  }

  @Override
  public synchronized boolean isTerminated() {
    return shutdown && queue.isEmpty();
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) {
    return isTerminated();
  }

  private synchronized <V> Task<V> enqueue(Callable<V> callable, long delayNanos) {
    if (shutdown) {
      throw new RejectedExecutionException("the virtual-time scheduler is shut down");
    }
    Task<V> task = new Task<>(callable, nowNanos + Math.max(0, delayNanos), sequence++);
    queue.add(task);
    return task;
  }

  private final class Task<V> extends FutureTask<V> implements ScheduledFuture<V> {
    private final long time;
    private final long order;

    Task(Callable<V> callable, long time, long order) {
      super(callable);
      this.time = time;
      this.order = order;
    }

    /** A task that threw fails the test instead of hiding the exception in its future. */
    void rethrowFailure() {
      if (isDone() && !isCancelled()) {
        try {
          get();
        } catch (ExecutionException e) {
          throw new AssertionError("a scheduled task failed", e.getCause());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }

    @Override
    public long getDelay(TimeUnit unit) {
      synchronized (VirtualTimeScheduler.this) {
        return unit.convert(time - nowNanos, TimeUnit.NANOSECONDS);
      }
    }

    @Override
    public int compareTo(Delayed other) {
      Task<?> task = (Task<?>) other;
      int byTime = Long.compare(time, task.time);
      return byTime != 0 ? byTime : Long.compare(order, task.order);
    }
  }
}
