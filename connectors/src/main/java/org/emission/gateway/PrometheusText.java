package org.emission.gateway;

import java.util.Map;
import java.util.TreeMap;

/** Writes metrics in the Prometheus text exposition format, version 0.0.4. */
final class PrometheusText {
  private final String prefix;
  private final StringBuilder sb = new StringBuilder(4096);

  PrometheusText(String prefix) {
    this.prefix = prefix;
  }

  void counter(String name, String help, long value) {
    head(name, help, "counter");
    sb.append(prefix).append(name).append(' ').append(value).append('\n');
  }

  void gauge(String name, String help, long value) {
    head(name, help, "gauge");
    sb.append(prefix).append(name).append(' ').append(value).append('\n');
  }

  void counterByLabel(String name, String help, String label, Map<String, Long> values) {
    head(name, help, "counter");
    values.forEach(
        (k, v) ->
            sb.append(prefix)
                .append(name)
                .append('{')
                .append(label)
                .append("=\"")
                .append(escape(k))
                .append("\"} ")
                .append(v)
                .append('\n'));
  }

  void summary(String name, String help, Map<String, Double> quantiles, double sum, long count) {
    head(name, help, "summary");
    new TreeMap<>(quantiles)
        .forEach(
            (q, v) ->
                sb.append(prefix)
                    .append(name)
                    .append("{quantile=\"")
                    .append(q)
                    .append("\"} ")
                    .append(number(v))
                    .append('\n'));
    sb.append(prefix).append(name).append("_sum ").append(number(sum)).append('\n');
    sb.append(prefix).append(name).append("_count ").append(count).append('\n');
  }

  private void head(String name, String help, String type) {
    sb.append("# HELP ").append(prefix).append(name).append(' ').append(help).append('\n');
    sb.append("# TYPE ").append(prefix).append(name).append(' ').append(type).append('\n');
  }

  private static String number(double v) {
    return Double.isNaN(v) ? "NaN" : Double.toString(v);
  }

  private static String escape(String v) {
    return v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }

  @Override
  public String toString() {
    return sb.toString();
  }
}
