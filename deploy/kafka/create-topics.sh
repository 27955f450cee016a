#!/usr/bin/env bash
# Creates the engine's topics listed in topics.txt beside this script, if they do not exist yet.
# Run by the one-shot kafka-topics service of docker-compose.yml; safe to run again.
set -euo pipefail

bootstrap="${KAFKA_BOOTSTRAP:-kafka:9092}"
replication="${KAFKA_REPLICATION_FACTOR:-1}"
topics_file="$(dirname "$0")/topics.txt"
kafka_topics=/opt/kafka/bin/kafka-topics.sh

while read -r name partitions _; do
  if [[ -z "${name}" || "${name}" == \#* ]]; then
    continue
  fi
  "${kafka_topics}" --bootstrap-server "${bootstrap}" --create --if-not-exists \
    --topic "${name}" --partitions "${partitions}" --replication-factor "${replication}"
done < "${topics_file}"

"${kafka_topics}" --bootstrap-server "${bootstrap}" --describe --exclude-internal
