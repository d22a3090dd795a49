"""A real single-node Apache Kafka (KRaft) for the demo, the tests and laptops: jars from Maven Central."""

from services.localkafka.broker import BrokerError, LocalBroker, kafka_broker, wait_until_ready

__all__ = ["BrokerError", "LocalBroker", "kafka_broker", "wait_until_ready"]
