package org.emission.notify;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Posts with the JDK's {@link HttpClient}: JSON in UTF-8, as both robots require. */
final class HttpTransport implements Transport {
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  @Override
  public WebhookResponse post(String target, WebhookRequest request, Duration timeout)
      throws IOException, InterruptedException {
    HttpRequest http =
        HttpRequest.newBuilder(request.uri())
            .timeout(timeout)
            .header("Content-Type", "application/json; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofByteArray(request.body()))
            .build();
    HttpResponse<byte[]> response = client.send(http, HttpResponse.BodyHandlers.ofByteArray());
    return new WebhookResponse(response.statusCode(), response.body());
  }
}
