package dev.chatstream.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The garbage collector's stop-the-world pauses while it listens (JMX collection notifications):
 * the longest and their total. Concurrent cycles are left out; their pause phases (G1's remark and
 * cleanup) are counted.
 */
final class GcPauses implements AutoCloseable {
  private final List<NotificationEmitter> emitters = new ArrayList<>();
  private final NotificationListener listener = this::onCollection;
  private long longestMs;
  private long totalMs;

  GcPauses() {
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (collector instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener(listener, null, null);
        emitters.add(emitter);
      }
    }
  }

  synchronized long longestMs() {
    return longestMs;
  }

  synchronized long totalMs() {
    return totalMs;
  }

  @Override
  public void close() {
    for (NotificationEmitter emitter : emitters) {
      try {
        emitter.removeNotificationListener(listener);
      } catch (ListenerNotFoundException e) {
        // already gone
      }
    }
  }

  private void onCollection(Notification notification, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
      return;
    }
    GarbageCollectionNotificationInfo info =
        GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
    boolean concurrent = info.getGcName().contains("Cycles")
        || (info.getGcName().contains("Concurrent") && !info.getGcAction().contains("pause"));
    if (concurrent) {
      return;
    }
    long pause = info.getGcInfo().getDuration();
    synchronized (this) {
      longestMs = Math.max(longestMs, pause);
      totalMs += pause;
    }
  }
}
