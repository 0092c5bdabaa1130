"""Kafka connection details shared by Faust, aiokafka clients and the CLI (plaintext locally; SASL/SSL on real clusters)."""

from __future__ import annotations

import ssl
from typing import Any

import faust
from aiokafka.helpers import create_ssl_context

from services.common.settings import Settings


def ssl_context(settings: Settings) -> ssl.SSLContext | None:
    """The TLS context for SSL and SASL_SSL (verifying the broker against the CA file or the
    system CAs, with a client certificate when one is configured); None for plaintext."""
    if settings.kafka_security_protocol not in ("SSL", "SASL_SSL"):
        return None
    key_password = settings.kafka_ssl_key_password
    return create_ssl_context(
        cafile=settings.kafka_ssl_cafile,
        certfile=settings.kafka_ssl_certfile,
        keyfile=settings.kafka_ssl_keyfile,
        # never None: OpenSSL would then prompt on the terminal for an encrypted key and hang a worker
        password=key_password.get_secret_value() if key_password is not None else "",
    )


def _sasl_password(settings: Settings) -> str | None:
    secret = settings.kafka_sasl_password
    return secret.get_secret_value() if secret is not None else None


def faust_broker_credentials(settings: Settings) -> faust.SASLCredentials | faust.SSLCredentials | None:
    """Faust's broker_credentials for the configured protocol; None means plaintext."""
    protocol = settings.kafka_security_protocol
    if protocol == "PLAINTEXT":
        return None
    context = ssl_context(settings)
    if protocol == "SSL":
        return faust.SSLCredentials(context)
    # Faust derives SASL_SSL from the presence of an ssl_context, SASL_PLAINTEXT from its absence
    return faust.SASLCredentials(
        username=settings.kafka_sasl_username,
        password=_sasl_password(settings),
        mechanism=settings.kafka_sasl_mechanism,
        ssl_context=context,
    )


def compression_codec(settings: Settings) -> str | None:
    """The codec every producer of ours (aiokafka or Faust) compresses its batches with; None for off."""
    return None if settings.kafka_compression == "none" else settings.kafka_compression


def producer_options(settings: Settings) -> dict[str, Any]:
    """aiokafka_options plus what every AIOKafkaProducer of ours sets: the batch codec."""
    options = aiokafka_options(settings)
    codec = compression_codec(settings)
    if codec is not None:
        options["compression_type"] = codec
    return options


def aiokafka_options(settings: Settings) -> dict[str, Any]:
    """Keyword arguments every AIOKafkaProducer/Consumer/AdminClient of ours starts from."""
    protocol = settings.kafka_security_protocol
    options: dict[str, Any] = {
        "bootstrap_servers": settings.kafka_bootstrap,
        "security_protocol": protocol,
    }
    context = ssl_context(settings)
    if context is not None:
        options["ssl_context"] = context
    if protocol.startswith("SASL_"):
        options["sasl_mechanism"] = settings.kafka_sasl_mechanism
        options["sasl_plain_username"] = settings.kafka_sasl_username
        options["sasl_plain_password"] = _sasl_password(settings)
    return options
