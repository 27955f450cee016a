package org.emission.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A data logger on a plain socket: writes frames, reads what the gateway sends back. */
final class LoggerClient implements AutoCloseable {
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();

  LoggerClient(int port) {
    try {
      socket = new Socket(InetAddress.getLoopbackAddress(), port);
      socket.setTcpNoDelay(true);
      in = socket.getInputStream();
      out = socket.getOutputStream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** How the gateway sees this client: {@code 127.0.0.1:port}. */
  String peer() {
    return socket.getLocalAddress().getHostAddress() + ":" + socket.getLocalPort();
  }

  LoggerClient send(String text) {
    return send(text.getBytes(StandardCharsets.UTF_8));
  }

  LoggerClient send(byte[] bytes) {
    try {
      out.write(bytes);
      out.flush();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The next frame the gateway sends (up to CR LF), failing after {@code timeout}. */
  String next(Duration timeout) {
    String frame = poll(timeout);
    if (frame == null) {
      throw new AssertionError("no frame from the gateway within " + timeout.toMillis() + " ms");
    }
    return frame;
  }

  /** The next frame, or null when none comes within {@code timeout}. */
  String poll(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      while (true) {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
          return null;
        }
        socket.setSoTimeout((int) Math.max(1, left));
        int b;
        try {
          b = in.read();
        } catch (SocketTimeoutException e) {
          return null;
        }
        if (b < 0) {
          throw new AssertionError("the gateway closed the connection");
        }
        line.write(b);
        byte[] bytes = line.toByteArray();
        int n = bytes.length;
        if (n >= 2 && bytes[n - 2] == '\r' && bytes[n - 1] == '\n') {
          line.reset();
          return new String(bytes, StandardCharsets.UTF_8);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Asserts that the gateway sends nothing for {@code duration}. */
  void assertSilent(Duration duration) {
    assertThat(poll(duration)).as("frame from the gateway").isNull();
  }

  /** Whether the gateway closes the connection within {@code timeout}. */
  boolean awaitClosed(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      while (System.nanoTime() < deadline) {
        socket.setSoTimeout((int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        try {
          if (in.read() < 0) {
            return true;
          }
        } catch (SocketTimeoutException e) {
          return false;
        } catch (SocketException e) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // Closing a test socket: nothing to do.
    }
  }
}
