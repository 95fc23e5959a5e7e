package dev.chatstream.pipeline.internals.state;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Binary form of the provider's ids of one item: their count, then each id. */
final class ProviderIdsCodec {

  private ProviderIdsCodec() {}

  static byte[] encode(List<String> ids) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(32);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeShort(ids.size());
      for (String id : ids) {
        out.writeUTF(id);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static List<String> decode(byte[] data) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      int count = in.readUnsignedShort();
      List<String> ids = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        ids.add(in.readUTF());
      }
      return ids;
    } catch (IOException e) {
      throw new UncheckedIOException("corrupt provider item ids", e);
    }
  }
}
