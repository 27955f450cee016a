package org.emission.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.emission.kafka.Topics;
import org.emission.local.SharedServices;

/** The broker the gateway tests share, with the engine's topics. */
final class TestKafka {
  private static boolean topicsCreated;

  private TestKafka() {}

  static synchronized String bootstrap() {
    String bootstrap = SharedServices.kafkaBootstrap();
    if (!topicsCreated) {
      createTopics(bootstrap);
      topicsCreated = true;
    }
    return bootstrap;
  }

  /** Creates the engine's topics that do not exist yet. */
  static void createTopics(String bootstrap) {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<NewTopic> missing = new ArrayList<>();
      Topics.all()
          .forEach(
              (topic, partitions) -> {
                if (!existing.contains(topic)) {
                  missing.add(new NewTopic(topic, partitions, (short) 1));
                }
              });
      if (!missing.isEmpty()) {
        admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
      }
    } catch (Exception e) {
      throw new IllegalStateException("cannot create the topics on " + bootstrap, e);
    }
  }
}
