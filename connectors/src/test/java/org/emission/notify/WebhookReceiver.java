package org.emission.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.emission.kafka.JsonCodec;

/**
 * A webhook endpoint on 127.0.0.1 (JDK HTTP server): records every request per path and answers as
 * told, by the request's number on that path (1-based).
 */
final class WebhookReceiver implements AutoCloseable {

  /** What a path answers. */
  record Reply(int status, String body, long delayMillis) {
    static Reply ok() {
      return robot(0, "ok");
    }

    static Reply robot(int errcode, String errmsg) {
      return new Reply(200, "{\"errcode\":" + errcode + ",\"errmsg\":\"" + errmsg + "\"}", 0);
    }

    static Reply status(int status) {
      return new Reply(status, "{}", 0);
    }

    Reply delayed(long millis) {
      return new Reply(status, body, millis);
    }
  }

  /** One request as received. */
  record Received(String path, String query, String contentType, String body, long nanos) {
    JsonNode json() {
      try {
        return JsonCodec.mapper().readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    String param(String name) {
      for (String pair : query == null ? new String[0] : query.split("&")) {
        int eq = pair.indexOf('=');
        if (pair.substring(0, eq).equals(name)) {
          return pair.substring(eq + 1);
        }
      }
      return null;
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final List<Received> received = new ArrayList<>();
  private final Map<String, IntFunction<Reply>> replies = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

  WebhookReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  /** Sets what {@code path} answers to its n-th request. */
  WebhookReceiver answer(String path, IntFunction<Reply> reply) {
    replies.put(path, reply);
    return this;
  }

  /** The URL of {@code pathAndQuery}, e.g. {@code /wecom?key=test}. */
  String url(String pathAndQuery) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery;
  }

  synchronized List<Received> on(String path) {
    List<Received> out = new ArrayList<>();
    for (Received r : received) {
      if (r.path().equals(path)) {
        out.add(r);
      }
    }
    return out;
  }

  int count(String path) {
    return on(path).size();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    byte[] body = exchange.getRequestBody().readAllBytes();
    synchronized (this) {
      received.add(
          new Received(
              path,
              exchange.getRequestURI().getRawQuery(),
              exchange.getRequestHeaders().getFirst("Content-Type"),
              new String(body, StandardCharsets.UTF_8),
              System.nanoTime()));
    }
    int n = counts.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
    Reply reply = replies.getOrDefault(path, i -> Reply.ok()).apply(n);
    if (reply.delayMillis() > 0) {
      try {
        Thread.sleep(reply.delayMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    byte[] answer = reply.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(reply.status(), answer.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(answer);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
