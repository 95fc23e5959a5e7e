package dev.chatstream.pipeline.broker;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Exclusive use of a data directory by one embedded broker, in this JVM and across processes. Kafka
 * locks its log directories only once the broker part starts, after the controller has opened the
 * metadata log; this lock is taken before either, so a second broker never touches a directory in use.
 */
final class DataDirLock implements AutoCloseable {

  static final String FILE_NAME = "embedded-broker.lock";

  private final FileChannel channel;
  private final FileLock lock;

  private DataDirLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Locks {@code dir}, creating it when missing.
   *
   * @throws EmbeddedKafkaException when another broker holds the directory or it cannot be written
   */
  static DataDirLock acquire(Path dir) {
    FileChannel channel;
    try {
      Files.createDirectories(dir);
      channel = FileChannel.open(dir.resolve(FILE_NAME), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw cannotUse(dir, e);
    }
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    } catch (IOException e) {
      closeQuietly(channel);
      throw cannotUse(dir, e);
    }
    if (lock == null) {
      closeQuietly(channel);
      throw new EmbeddedKafkaException("Cannot start the embedded Kafka broker: its data directory " + dir
          + " is in use by another embedded broker (in this or another process).");
    }
    return new DataDirLock(channel, lock);
  }

  @Override
  public void close() {
    try {
      lock.release();
    } catch (IOException e) {
      // the channel close below releases it as well
    }
    closeQuietly(channel);
  }

  private static EmbeddedKafkaException cannotUse(Path dir, IOException e) {
    return new EmbeddedKafkaException("Cannot use " + dir + " as the embedded broker's data directory: "
        + e.getMessage(), e);
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel == null) {
      return;
    }
    try {
      channel.close();
    } catch (IOException e) {
      // nothing left to release
    }
  }
}
