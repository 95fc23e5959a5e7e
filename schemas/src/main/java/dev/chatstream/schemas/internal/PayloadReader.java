package dev.chatstream.schemas.internal;

import dev.chatstream.schemas.EventDecodingException;
import dev.chatstream.schemas.EventDecodingException.Reason;
import java.io.EOFException;
import java.io.IOException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.message.BinaryMessageDecoder;

/**
 * Decodes single-object payloads written with one schema version. The body is first walked without
 * building anything, so a length or count that runs past the payload is rejected before Avro allocates
 * memory for it, and bytes left after the record are noticed.
 *
 * @param writer the schema the payloads were written with
 * @param decoder decodes them into the current generated class
 */
record PayloadReader<R>(Schema writer, BinaryMessageDecoder<R> decoder) {

  R read(byte[] payload) {
    checkBody(payload);
    try {
      return decoder.decode(payload);
    } catch (IOException | RuntimeException e) {
      throw new EventDecodingException(Reason.MALFORMED, "body is not a valid " + writer.getFullName() + ": " + e, e);
    }
  }

  private void checkBody(byte[] payload) {
    int bodyLength = payload.length - SingleObjectHeader.LENGTH;
    BinaryDecoder body = DecoderFactory.get().binaryDecoder(payload, SingleObjectHeader.LENGTH, bodyLength, null);
    int leftOver;
    try {
      GenericDatumReader.skip(writer, body);
      leftOver = body.inputStream().available();
    } catch (EOFException e) {
      throw new EventDecodingException(Reason.MALFORMED, "payload of " + payload.length
          + " bytes ends inside the " + writer.getFullName() + " body (truncated)", e);
    } catch (IOException | RuntimeException e) {
      throw new EventDecodingException(Reason.MALFORMED, "body is not a valid " + writer.getFullName() + ": " + e, e);
    }
    if (leftOver > 0) {
      throw new EventDecodingException(Reason.MALFORMED,
          leftOver + " bytes left over after the " + writer.getFullName() + " body");
    }
  }
}
