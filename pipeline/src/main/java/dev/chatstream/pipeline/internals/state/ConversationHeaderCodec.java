package dev.chatstream.pipeline.internals.state;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Binary form of {@link ConversationHeader}: a version byte, then the fields. It is rewritten on
 * every item, so it stays a few dozen bytes and costs no reflection.
 */
final class ConversationHeaderCodec {
  private static final byte VERSION = 1;

  private ConversationHeaderCodec() {}

  static byte[] encode(ConversationHeader header) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      out.writeInt(header.itemCount());
      out.writeLong(header.byteCount());
      out.writeLong(header.nextArrivalSeq());
      out.writeLong(header.nextGenerationSeq());
      ConversationHeader.ToolLoop loop = header.toolLoop();
      out.writeBoolean(loop != null);
      if (loop != null) {
        out.writeInt(loop.request().length);
        out.write(loop.request());
        out.writeUTF(loop.requestId());
        out.writeInt(loop.step());
        out.writeInt(loop.pendingCallIds().size());
        for (String callId : loop.pendingCallIds()) {
          out.writeUTF(callId);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static ConversationHeader decode(byte[] data) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      byte version = in.readByte();
      if (version != VERSION) {
        throw new IllegalStateException("unknown conversation header version " + version);
      }
      int items = in.readInt();
      long bytes = in.readLong();
      long arrival = in.readLong();
      long generation = in.readLong();
      ConversationHeader.ToolLoop loop = null;
      if (in.readBoolean()) {
        byte[] request = in.readNBytes(in.readInt());
        String requestId = in.readUTF();
        int step = in.readInt();
        int pending = in.readInt();
        List<String> callIds = new ArrayList<>(pending);
        for (int i = 0; i < pending; i++) {
          callIds.add(in.readUTF());
        }
        loop = new ConversationHeader.ToolLoop(request, requestId, step, callIds);
      }
      return new ConversationHeader(items, bytes, arrival, generation, loop);
    } catch (IOException e) {
      throw new UncheckedIOException("corrupt conversation header", e);
    }
  }
}
