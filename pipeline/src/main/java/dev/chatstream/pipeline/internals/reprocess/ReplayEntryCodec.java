package dev.chatstream.pipeline.internals.reprocess;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Binary form of a {@link ReplayEntry}: a version byte, then the fields, byte arrays length-prefixed. */
final class ReplayEntryCodec {
  private static final byte VERSION = 1;

  private ReplayEntryCodec() {}

  static byte[] encode(ReplayEntry entry) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + entry.request().length);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      out.writeLong(entry.seq());
      out.writeBoolean(entry.running());
      out.writeInt(entry.attempt());
      out.writeInt(entry.step());
      out.writeUTF(entry.requestId());
      writeBytes(out, entry.request());
      out.writeInt(entry.context().size());
      for (byte[] item : entry.context()) {
        writeBytes(out, item);
      }
      out.writeBoolean(entry.partialResult() != null);
      if (entry.partialResult() != null) {
        writeBytes(out, entry.partialResult());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static ReplayEntry decode(byte[] data) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      byte version = in.readByte();
      if (version != VERSION) {
        throw new IllegalStateException("unknown replay entry version " + version);
      }
      long seq = in.readLong();
      boolean running = in.readBoolean();
      int attempt = in.readInt();
      int step = in.readInt();
      String requestId = in.readUTF();
      byte[] request = readBytes(in);
      int items = in.readInt();
      List<byte[]> context = new ArrayList<>(items);
      for (int i = 0; i < items; i++) {
        context.add(readBytes(in));
      }
      byte[] result = in.readBoolean() ? readBytes(in) : null;
      return new ReplayEntry(seq, running, attempt, step, requestId, request, context, result);
    } catch (IOException e) {
      throw new UncheckedIOException("corrupt replay entry", e);
    }
  }

  private static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static byte[] readBytes(DataInputStream in) throws IOException {
    return in.readNBytes(in.readInt());
  }
}
