package dev.chatstream.pipeline.internals.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.chatstream.llm.state.ProviderConversation;
import dev.chatstream.llm.state.ResponseChain;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class StateCodecsTest {

  @Test
  void headerRoundTripsWithoutToolLoop() {
    ConversationHeader header = new ConversationHeader(3, 1200, 9, 4, null);
    ConversationHeader decoded = ConversationHeaderCodec.decode(ConversationHeaderCodec.encode(header));
    assertEquals(header, decoded);
    assertNull(decoded.toolLoop());
  }

  @Test
  void headerRoundTripsWithToolLoop() {
    ConversationHeader.ToolLoop loop =
        new ConversationHeader.ToolLoop(new byte[] {1, 2, 3}, "req-1", 2, List.of("call_a", "call_b"));
    ConversationHeader decoded =
        ConversationHeaderCodec.decode(ConversationHeaderCodec.encode(ConversationHeader.EMPTY.withToolLoop(loop)));
    assertArrayEquals(new byte[] {1, 2, 3}, decoded.toolLoop().request());
    assertEquals("req-1", decoded.toolLoop().requestId());
    assertEquals(2, decoded.toolLoop().step());
    assertEquals(List.of("call_a", "call_b"), decoded.toolLoop().pendingCallIds());
  }

  @Test
  void headerRoundTripsWithAResponseChain() {
    ResponseChain chain = new ResponseChain("resp_42", "https://api.openai.com/v1", "gpt-4.1", 7,
        "0123456789abcdef0123456789abcdef", "item_abc", 2);
    ConversationHeader header = new ConversationHeader(7, 900, 8, 3, null, new ProviderHold("default", chain));

    ConversationHeader decoded = ConversationHeaderCodec.decode(ConversationHeaderCodec.encode(header));

    assertEquals(header, decoded);
    assertEquals(chain, decoded.providerHold().state());
    assertEquals(header.withItemAdded(10).providerHold(), decoded.providerHold(), "updates keep the state");
  }

  @Test
  void aChainWithoutReplyIdAndAProviderConversationRoundTrip() {
    ResponseChain chain = new ResponseChain("resp_1", "http://localhost:8000/v1", "m", 1, "ab", null, 0);
    ProviderConversation conversation = ProviderConversation.empty("conv_9", "https://api.openai.com/v1");

    for (ProviderHold hold : List.of(new ProviderHold("a", chain), new ProviderHold("b", conversation))) {
      ConversationHeader header = ConversationHeader.EMPTY.withProviderHold(hold);
      assertEquals(hold, ConversationHeaderCodec.decode(ConversationHeaderCodec.encode(header)).providerHold());
    }
  }

  @Test
  void aVersionOneHeaderStillDecodes() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(1);
      out.writeInt(4);
      out.writeLong(512);
      out.writeLong(6);
      out.writeLong(2);
      out.writeBoolean(true);
      out.writeInt(2);
      out.write(new byte[] {7, 7});
      out.writeUTF("req-1");
      out.writeInt(1);
      out.writeInt(1);
      out.writeUTF("call_a");
    }

    ConversationHeader decoded = ConversationHeaderCodec.decode(bytes.toByteArray());

    assertEquals(4, decoded.itemCount());
    assertEquals(512, decoded.byteCount());
    assertEquals(6, decoded.nextArrivalSeq());
    assertEquals(2, decoded.nextGenerationSeq());
    assertEquals(List.of("call_a"), decoded.toolLoop().pendingCallIds());
    assertNull(decoded.providerHold());
    assertEquals(2, ConversationHeaderCodec.encode(decoded)[0], "written back as version 2");
  }

  @Test
  void providerItemIdsRoundTrip() {
    assertEquals(List.of("rs_1", "msg_2"), ProviderIdsCodec.decode(ProviderIdsCodec.encode(List.of("rs_1", "msg_2"))));
    assertEquals(List.of(), ProviderIdsCodec.decode(ProviderIdsCodec.encode(List.of())));
  }

  @Test
  void toolLoopCompletesWhenEveryCallHasItsOutput() {
    ConversationHeader.ToolLoop loop =
        new ConversationHeader.ToolLoop(new byte[0], "r", 1, List.of("a", "b"));
    assertEquals(false, loop.withOutputFor("a").isComplete());
    assertEquals(true, loop.withOutputFor("a").withOutputFor("b").isComplete());
    assertEquals(List.of("b"), loop.withOutputFor("a").withOutputFor("unknown").pendingCallIds());
  }

  @Test
  void generationEntryRoundTrips() {
    GenerationEntry entry =
        new GenerationEntry(5, GenerationEntry.Status.RUNNING, 2, "req-ü", 1, 1700000000.25, new byte[] {9, 8});
    GenerationEntry decoded = GenerationEntryCodec.decode(GenerationEntryCodec.encode(entry));
    assertEquals(entry.seq(), decoded.seq());
    assertEquals(entry.status(), decoded.status());
    assertEquals(entry.attempt(), decoded.attempt());
    assertEquals(entry.requestId(), decoded.requestId());
    assertEquals(entry.toolStep(), decoded.toolStep());
    assertEquals(entry.createdAt(), decoded.createdAt());
    assertArrayEquals(entry.request(), decoded.request());
    assertNull(decoded.traceparent());
  }

  @Test
  void generationEntryKeepsItsTraceContextAcrossAttempts() {
    String traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    GenerationEntry entry = new GenerationEntry(1, GenerationEntry.Status.QUEUED, 0, "r", 0, 2.0, new byte[] {7},
        traceparent);
    GenerationEntry decoded = GenerationEntryCodec.decode(GenerationEntryCodec.encode(entry.nextAttempt()));
    assertEquals(traceparent, decoded.traceparent());
    assertEquals(1, decoded.attempt());
    assertArrayEquals(new byte[] {7}, decoded.request());
  }

  @Test
  void generationEntriesOfVersionOneStillDecode() {
    byte[] requestId = "r1".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] v1 = java.nio.ByteBuffer.allocate(1 + 8 + 1 + 4 + 4 + 8 + 4 + requestId.length + 2)
        .put((byte) 1).putLong(3).put((byte) 1).putInt(2).putInt(0).putDouble(5.5)
        .putInt(requestId.length).put(requestId).put(new byte[] {4, 2}).array();
    GenerationEntry decoded = GenerationEntryCodec.decode(v1);
    assertEquals(3, decoded.seq());
    assertEquals(GenerationEntry.Status.RUNNING, decoded.status());
    assertEquals("r1", decoded.requestId());
    assertArrayEquals(new byte[] {4, 2}, decoded.request());
    assertNull(decoded.traceparent());
  }

  @Test
  void nextAttemptMarksTheEntryRunning() {
    GenerationEntry queued = new GenerationEntry(0, GenerationEntry.Status.QUEUED, 0, "r", 0, 1.0, new byte[0]);
    GenerationEntry running = queued.nextAttempt();
    assertEquals(GenerationEntry.Status.RUNNING, running.status());
    assertEquals(1, running.attempt());
    assertEquals(2, running.nextAttempt().attempt());
  }

  @Test
  void unknownVersionsAreRejected() {
    byte[] header = ConversationHeaderCodec.encode(ConversationHeader.EMPTY);
    header[0] = 99;
    assertThrows(IllegalStateException.class, () -> ConversationHeaderCodec.decode(header));
  }
}
