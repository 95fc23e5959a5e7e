package dev.chatstream.pipeline.broker;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Checks that a listener port is free before the broker binds it, and picks free ports for port 0. */
final class Ports {

  private Ports() {}

  /**
   * Returns {@code port} when it can be bound on {@code host}, or a free port when {@code port} is 0.
   *
   * @throws EmbeddedKafkaException when the port is taken or the host cannot be bound
   */
  static int claim(String host, int port) {
    InetSocketAddress address = new InetSocketAddress(host, port);
    if (address.isUnresolved()) {
      throw new EmbeddedKafkaException("Cannot start the embedded Kafka broker: host '" + host
          + "' does not resolve to an address of this machine");
    }
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(address);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new EmbeddedKafkaException("Cannot start the embedded Kafka broker: " + host + ":" + port
          + " is already in use (" + e.getMessage() + "). Stop whatever listens there, choose another "
          + "port, or join that cluster with --bootstrap-servers.", e);
    }
  }
}
