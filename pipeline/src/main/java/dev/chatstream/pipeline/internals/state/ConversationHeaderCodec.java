package dev.chatstream.pipeline.internals.state;

import dev.chatstream.llm.state.ProviderConversation;
import dev.chatstream.llm.state.ProviderState;
import dev.chatstream.llm.state.ResponseChain;
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
 * every item, so it stays a few dozen bytes and costs no reflection (a {@code previous_response_id}
 * chain adds about 150). Version 2 added the provider state after the tool loop; version 1 headers,
 * written before, still decode (with no provider state).
 */
final class ConversationHeaderCodec {
  private static final byte VERSION = 2;
  private static final byte VERSION_1 = 1;
  private static final byte CHAIN = 1;
  private static final byte CONVERSATION = 2;

  private ConversationHeaderCodec() {}

  static byte[] encode(ConversationHeader header) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      out.writeInt(header.itemCount());
      out.writeLong(header.byteCount());
      out.writeLong(header.nextArrivalSeq());
      out.writeLong(header.nextGenerationSeq());
      writeToolLoop(out, header.toolLoop());
      writeProviderHold(out, header.providerHold());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static ConversationHeader decode(byte[] data) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      byte version = in.readByte();
      if (version != VERSION && version != VERSION_1) {
        throw new IllegalStateException("unknown conversation header version " + version);
      }
      int items = in.readInt();
      long bytes = in.readLong();
      long arrival = in.readLong();
      long generation = in.readLong();
      ConversationHeader.ToolLoop loop = readToolLoop(in);
      ProviderHold hold = version == VERSION_1 ? null : readProviderHold(in);
      return new ConversationHeader(items, bytes, arrival, generation, loop, hold);
    } catch (IOException e) {
      throw new UncheckedIOException("corrupt conversation header", e);
    }
  }

  private static void writeToolLoop(DataOutputStream out, ConversationHeader.ToolLoop loop) throws IOException {
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
  }

  private static ConversationHeader.ToolLoop readToolLoop(DataInputStream in) throws IOException {
    if (!in.readBoolean()) {
      return null;
    }
    byte[] request = in.readNBytes(in.readInt());
    String requestId = in.readUTF();
    int step = in.readInt();
    int pending = in.readInt();
    List<String> callIds = new ArrayList<>(pending);
    for (int i = 0; i < pending; i++) {
      callIds.add(in.readUTF());
    }
    return new ConversationHeader.ToolLoop(request, requestId, step, callIds);
  }

  private static void writeProviderHold(DataOutputStream out, ProviderHold hold) throws IOException {
    out.writeBoolean(hold != null);
    if (hold == null) {
      return;
    }
    out.writeUTF(hold.profile());
    switch (hold.state()) {
      case ResponseChain chain -> {
        out.writeByte(CHAIN);
        out.writeUTF(chain.responseId());
        out.writeUTF(chain.endpoint());
        out.writeUTF(chain.model());
        out.writeInt(chain.coveredInputs());
        out.writeUTF(chain.coveredDigest());
        out.writeBoolean(chain.replyId() != null);
        if (chain.replyId() != null) {
          out.writeUTF(chain.replyId());
        }
        out.writeInt(chain.replyItems());
      }
      case ProviderConversation conversation -> {
        out.writeByte(CONVERSATION);
        out.writeUTF(conversation.conversationId());
        out.writeUTF(conversation.endpoint());
      }
    }
  }

  private static ProviderHold readProviderHold(DataInputStream in) throws IOException {
    if (!in.readBoolean()) {
      return null;
    }
    String profile = in.readUTF();
    byte kind = in.readByte();
    ProviderState state = switch (kind) {
      case CHAIN -> {
        String responseId = in.readUTF();
        String endpoint = in.readUTF();
        String model = in.readUTF();
        int covered = in.readInt();
        String digest = in.readUTF();
        String replyId = in.readBoolean() ? in.readUTF() : null;
        yield new ResponseChain(responseId, endpoint, model, covered, digest, replyId, in.readInt());
      }
      case CONVERSATION -> ProviderConversation.empty(in.readUTF(), in.readUTF());
      default -> throw new IllegalStateException("unknown provider state kind " + kind);
    };
    return new ProviderHold(profile, state);
  }
}
